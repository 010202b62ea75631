"""Editors see each document's extraction status, and why a file could not be read."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from attachments.samples import pdf_bytes
from attachments.tests.helpers import document

pytestmark = pytest.mark.django_db


def test_report_lists_failures_with_their_reason(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.com", "x-pass-9f2")
    client.force_login(user)
    document("好.pdf", pdf_bytes(["正常的文字"]), title="正常的细则")
    document("坏.pdf", b"%PDF-1.4 broken", title="损坏的细则")
    response = client.get("/admin/reports/attachments/", {"status": "failed"})
    assert response.status_code == 200
    rows = BeautifulSoup(response.content.decode(), "html.parser").select("tbody tr")
    texts = [" ".join(r.get_text(" ", strip=True).split()) for r in rows]
    assert len(texts) == 1
    assert "损坏的细则" in texts[0] and "PDF 文件已损坏，无法读取。" in texts[0]


def test_report_is_for_people_who_manage_documents(client):
    user = get_user_model().objects.create_user("reader", "r@example.com", "x-pass-9f2")
    client.force_login(user)
    response = client.get("/admin/reports/attachments/")
    assert response.status_code in (302, 403)
