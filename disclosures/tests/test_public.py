"""What villagers see: the finder in three taps, overdue marks, the disclosure, downloads."""

import csv
import datetime
import io
import json
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from disclosures import schedule

from .factories import DisclosurePageFactory, finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def link_to(page_soup, target):
    return page_soup.find("a", href=target.url)


@pytest.fixture
def tree():
    index, county, township, villages = hierarchy(("圩洋村", "青禾村"))
    return index, township, villages


def test_three_taps_from_finder_to_latest_finance(client, tree):
    index, township, (xuyang, _other) = tree
    older = finance_disclosure(xuyang)
    latest = finance_disclosure(
        xuyang,
        title="2024年第二季度财务公开",
        period_number=2,
        lines=[],
        opening_balance=Decimal("11149.40"),
        total_income=Decimal("0"),
        total_expenditure=Decimal("0"),
        closing_balance=Decimal("11149.40"),
    )
    start = soup(client.get(index.url))
    tap1 = link_to(start, township)
    assert tap1 is not None
    tap2 = link_to(soup(client.get(tap1["href"])), xuyang)
    assert tap2 is not None
    village_page = soup(client.get(tap2["href"]))
    finance_card = village_page.find(
        lambda tag: tag.name == "li" and "财务公开" in tag.get_text() and tag.find("a")
    )
    tap3 = finance_card.find("a")
    assert tap3["href"] == latest.url and tap3["href"] != older.url
    final = soup(client.get(tap3["href"]))
    assert final.h1.get_text() == "2024年第二季度财务公开"


def test_disclosure_page_shows_lines_sign_off_history_and_downloads(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(xuyang)
    html = soup(client.get(page.url))
    text = html.get_text(" ", strip=True)
    rows = [r.get_text(" ", strip=True) for r in html.select("table.dc-finance tr")]
    assert "2024-01-15 集体资产租金 1,200.00 记-001 某物流公司" in rows
    assert "本期合计 1,500.10 350.70" in rows
    assert "期末余额 11,149.40" in rows
    assert "已核对" in text
    assert "张明、李华" in text and "2024年4月5日" in text
    version = page.versions.get()
    assert version.hash in text
    assert "哈希链完整" in text
    downloads = [a["href"] for a in html.select(".dc-downloads a")]
    assert reverse("disclosures:finance_export", args=[page.pk, "csv"]) in downloads


def test_correction_shows_reason_and_change_publicly(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(xuyang)
    page.change_reason = "补充凭证号"
    lines = list(page.finance_lines.all())
    lines[1].voucher = "记-002A"
    page.finance_lines = lines
    page.save_revision().publish()
    text = soup(client.get(page.url)).get_text(" ", strip=True)
    assert "第 2 版 · 更正" in text
    assert "更正原因：补充凭证号" in text
    assert "新增收支明细：收入 2024-02-01 上级补助 300.10 元 凭证 记-002A" in text


def test_withdrawn_disclosure_keeps_a_notice(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(xuyang)
    page.withdrawn = True
    page.withdrawal_reason = "与第二季度重复"
    page.save_revision().publish()
    html = soup(client.get(page.url))
    alert = html.select_one(".dc-withdrawn").get_text(" ", strip=True)
    assert "本公开已撤回" in alert and "撤回原因：与第二季度重复" in alert


def test_overdue_marks_on_village_and_township(client, tree):
    _index, township, (xuyang, other) = tree
    today = timezone.localdate()
    current = schedule.latest_required_period(schedule.QUARTER, today)
    finance_disclosure(
        xuyang,
        title="最近一季财务公开",
        period_year=current.year,
        period_number=current.number,
        lines=[],
        total_income=Decimal("0"),
        total_expenditure=Decimal("0"),
        closing_balance=Decimal("10000.00"),
        review_date=today,
    )
    village_html = soup(client.get(xuyang.url))
    cards = {
        li.select_one(".dc-latest-cat").get_text(): li
        for li in village_html.select(".dc-latest-item")
    }
    assert "逾期" not in cards["财务公开"].get_text()
    assert "逾期" in cards["党务公开"].get_text()
    overdue = (
        soup(client.get(township.url)).select_one(".dc-overdue-list").get_text(" ", strip=True)
    )
    assert "青禾村" in overdue and "圩洋村" in overdue
    assert "财务：逾期" in overdue.replace(" ：", "：")  # 青禾村 never disclosed finances


def test_finance_csv_has_bom_and_reimportable_rows(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(xuyang, demo_label="示例数据")
    response = client.get(reverse("disclosures:finance_export", args=[page.pk, "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0].startswith("# 示例数据")
    assert ["收入", "2024-01-15", "集体资产租金", "1200.00", "记-001", "某物流公司"] in rows
    assert ["期末余额", "", "", "11149.40", "", ""] in rows
    from disclosures.finance_csv import parse_finance_csv

    assert parse_finance_csv(raw).ok


def test_finance_json_and_village_year_exports(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(xuyang)
    data = json.loads(
        client.get(reverse("disclosures:finance_export", args=[page.pk, "json"])).content
    )
    assert data["finance"]["closing_balance"] == "11149.40"
    assert data["finance"]["lines"][0]["amount"] == "1200.00"
    assert data["sign_off"]["reviewers"] == "张明、李华"
    assert data["hash"] == page.versions.get().hash
    year = json.loads(
        client.get(reverse("disclosures:village_year", args=[xuyang.pk, 2024, "json"])).content
    )
    assert [d["id"] for d in year["disclosures"]] == [page.pk]
    year_csv = client.get(reverse("disclosures:village_year", args=[xuyang.pk, 2024, "csv"]))
    assert year_csv.content.startswith(b"\xef\xbb\xbf")
    assert "2024年第一季度,2024年第一季度财务公开,支出,2024-02-03,办公用品,350.50" in (
        year_csv.content.decode("utf-8-sig")
    )
    assert (
        client.get(reverse("disclosures:finance_export", args=[page.pk, "xml"])).status_code == 404
    )


def test_unpublished_and_non_finance_pages_are_not_exported(client, tree):
    _index, _township, (xuyang, _other) = tree
    draft = finance_disclosure(xuyang, publish=False)
    assert (
        client.get(reverse("disclosures:finance_export", args=[draft.pk, "csv"])).status_code == 404
    )
    party = DisclosurePageFactory(parent=xuyang, category="party", title="党务", live=True)
    assert (
        client.get(reverse("disclosures:finance_export", args=[party.pk, "csv"])).status_code == 404
    )


def test_poster_and_notice_sheet(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(xuyang)
    poster = soup(client.get(reverse("disclosures:poster", args=[xuyang.pk])))
    qr = poster.select_one("img.dc-poster-qr")
    assert qr["src"] == reverse("disclosures:village_qr", args=[xuyang.pk])
    short = reverse("disclosures:village_short", args=[xuyang.pk])
    assert f"http://testserver{short}" in poster.get_text()
    assert client.get(short).url == xuyang.url
    svg = client.get(qr["src"])
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    sheet = soup(client.get(reverse("disclosures:notice", args=[page.pk])))
    assert sheet.h1.get_text() == "圩洋村财务公开"
    assert "本期合计 1,500.10 350.70" in [
        r.get_text(" ", strip=True) for r in sheet.select("table.dc-finance tr")
    ]
    stylesheet = sheet.find(
        "link", media="print", href=lambda h: h and "disclosures/print.css" in h
    )
    assert stylesheet is not None
    # No third-party hosts and no inline styles or scripts.
    for tag in sheet.find_all(["script", "link", "img"]):
        src = tag.get("src") or tag.get("href") or ""
        assert urlparse(src).hostname in (None, "localhost", "testserver"), src
    assert not sheet.find(attrs={"style": True})


def test_demo_label_is_shown(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(xuyang, demo_label="示例数据")
    banner = soup(client.get(page.url)).select_one(".dc-demo").get_text()
    assert "示例数据" in banner and "不是真实" in banner


def test_village_finder_search(client, tree):
    index, _township, (xuyang, _other) = tree
    html = soup(client.get(index.url, {"q": "圩洋"}))
    assert link_to(html, xuyang) is not None
    assert "没有找到" in soup(client.get(index.url, {"q": "不存在"})).get_text()


def test_single_matter_period(tree):
    _index, _township, (xuyang, _other) = tree
    page = DisclosurePageFactory.build(
        category="village",
        period_kind="matter",
        matter_date=datetime.date(2024, 5, 6),
        period_number=None,
    )
    page.clean()
    assert page.period_start == page.period_end == datetime.date(2024, 5, 6)
    assert page.period_label == "单项事项（2024年5月6日）"


def test_markup_in_fields_is_escaped(client, tree):
    _index, _township, (xuyang, _other) = tree
    page = finance_disclosure(
        xuyang,
        title='<script>alert("t")</script>公开',
        reviewers='<img src=x onerror="alert(1)">',
        summary="<b>粗体</b>",
    )
    body = client.get(page.url).content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body and "<b>粗体" not in body
    assert "&lt;script&gt;" in body and "&lt;b&gt;粗体&lt;/b&gt;" in body
    notice = client.get(reverse("disclosures:notice", args=[page.pk])).content.decode()
    assert "<script>alert" not in notice and 'onerror="alert' not in notice


def test_attachments_are_listed_and_hashed(client, tree):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from disclosures.models import DisclosureAttachment

    _index, _township, (xuyang, _other) = tree
    document = get_document_model().objects.create(
        title="记账凭证扫描件", file=ContentFile(b"%PDF-1.4 demo", name="voucher.pdf")
    )
    page = finance_disclosure(xuyang, publish=False)
    page.attachments = [DisclosureAttachment(document=document, title="第一季度凭证")]
    page.save_revision().publish()
    page.refresh_from_db()
    html = soup(client.get(page.url))
    link = html.select_one(f"a[href='{document.url}']")
    assert link is not None and link.get_text() == "第一季度凭证"
    (attachment,) = page.versions.get().content["attachments"]
    document.refresh_from_db()
    assert attachment == {"title": "第一季度凭证", "file_hash": document.file_hash}
    assert len(attachment["file_hash"]) == 40
    ld = html.find("script", type="application/ld+json")
    if ld is not None:  # the site's page_meta include is present
        assert '"temporalCoverage":"2024-01-01/2024-03-31"' in ld.string
