"""The paper board: A4 and A3 notice sheets with signatures, stamp, version, chain head and QR."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from disclosures.models import ChainHead

from .factories import finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db


def sheet(client, name, page):
    response = client.get(reverse(name, args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def page():
    village = hierarchy(("圩洋村",))[3][0]
    page = finance_disclosure(village, reviewers="王某某、陈某某")
    draft = page.get_latest_revision_as_object()
    draft.summary = "更正了摘要"
    draft.change_reason = "摘要有误"
    draft.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.parametrize(
    "name,paper", [("disclosures:notice", "A4"), ("disclosures:notice_a3", "A3")]
)
def test_sheet_has_signatures_stamp_version_head_and_qr(client, page, name, paper):
    html = sheet(client, name, page)
    assert html.select_one("article.dc-sheet")["class"] == ["dc-sheet", f"dc-sheet-{paper.lower()}"]
    lines = [li.get_text(" ", strip=True) for li in html.select(".dc-sign-lines li")]
    assert lines == [
        "王某某 年\u3000月\u3000日",
        "陈某某 年\u3000月\u3000日",
        "成员 年\u3000月\u3000日",
    ]
    assert html.select_one(".dc-stamp").get_text(strip=True) == "（村务监督委员会盖章）"
    last = page.versions.order_by("number").last()
    version = html.select_one(".dc-sheet-version").get_text(strip=True)
    published = last.published_at.astimezone().date()
    assert version.startswith(
        f"网上公开第 2 版 · 发布日期 {published.year}年{published.month}月{published.day}日"
    )
    head = ChainHead.objects.filter(village_id=page.get_parent().pk).last()
    assert head.covers(page.pk, 2)
    assert head.head in html.select_one(".dc-chain-head code").get_text()
    assert f"链头日志第 {head.number} 条" in html.select_one(".dc-chain-head").get_text()
    assert "其中包括本公开的第 2 版" in html.select_one(".dc-chain-head").get_text()
    assert last.hash in html.select_one(".dc-sheet-hash").get_text()
    qr = html.select_one(".dc-sheet-foot img")
    assert qr["src"] == reverse("disclosures:verify_qr", args=[page.pk])
    address = html.select_one(".dc-verify-address").get_text()
    assert address.endswith(f"/siwu-data/hexiao/?v={last.hash}&h={head.head}")
    a3_css = html.find("link", href=lambda h: h and "disclosures/print-a3.css" in h)
    assert (a3_css is not None) == (paper == "A3")
    assert not html.find(attrs={"style": True})


def test_a3_sheet_of_an_unpublished_disclosure_is_not_found(client):
    village = hierarchy(("圩洋村",))[3][0]
    draft = finance_disclosure(village, publish=False)
    assert client.get(reverse("disclosures:notice_a3", args=[draft.pk])).status_code == 404
