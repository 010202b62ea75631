"""网站自查 lists attachments that could not be read, with the page to fix."""

import io

import pytest
from pypdf import PdfWriter
from wagtail.models import Site

from attachments.tests.helpers import document
from policies.models import PolicyAttachment
from search.tests.factories import policy_doc
from siteidentity.inspection import run_inspection

pytestmark = pytest.mark.django_db


def test_unreadable_attachment_is_listed_with_its_page():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="mima", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    locked = document("加密.pdf", out.getvalue(), title="加密的细则")
    page = policy_doc("附带加密附件的通知", body="正文。")
    page.attachments.add(PolicyAttachment(document=locked))
    page.save_revision().publish()
    found = [
        f
        for f in run_inspection(Site.objects.get(is_default_site=True))
        if f.kind == "附件无法读取"
    ]
    assert [(f.title, f.message) for f in found] == [
        (
            "附带加密附件的通知",
            "附件《加密的细则》无法提取文字，检索不到其中的内容："
            "PDF 文件设有打开密码，无法提取文字。",
        )
    ]
    assert found[0].edit_url == f"/admin/pages/{page.pk}/edit/"
