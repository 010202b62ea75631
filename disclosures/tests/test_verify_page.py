"""The public 核验 page: what a villager with a notice sheet, or an inspector with an archived
head, sees when they paste or scan it; bad input gets a clear Chinese answer, never "一致"."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from disclosures.anchoring import sign_version
from disclosures.hashchain import version_hash
from disclosures.models import ChainHead, DisclosureVersion

from .factories import finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db
URL = "/siwu-data/hexiao/"


@pytest.fixture
def villages():
    return hierarchy(("圩洋村", "示例村"))[3]


@pytest.fixture
def page(villages):
    return finance_disclosure(villages[0], reviewers="王某某、陈某某")


def answer(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert not html.find("script", src=False, type=lambda t: t != "application/ld+json")
    return html


def verdict(html):
    node = html.select_one("#verify-result") or html.select_one(".dc-verdict")
    return node.get_text(" ", strip=True) if node else ""


def text_of(html):
    return html.select_one("main").get_text(" ", strip=True)


def sheet_address(client, page):
    sheet = BeautifulSoup(
        client.get(f"/siwu-data/disclosure/{page.pk}/notice/").content, "html.parser"
    )
    return sheet.select_one(".dc-verify-address").get_text(strip=True)


def correct(page, reason):
    draft = page.get_latest_revision_as_object()
    draft.summary, draft.change_reason = "更正后的说明", reason
    draft.save_revision().publish()
    page.refresh_from_db()


def test_the_sheets_qr_address_confirms_the_printed_version_and_head(client, page):
    address = sheet_address(client, page)
    assert address.startswith("http") and "/siwu-data/hexiao/?v=" in address
    html = answer(client, q=address)
    assert verdict(html) == "核验结果：核验一致"
    body = text_of(html)
    assert "圩洋村" in body and page.title in body and "第 1 版" in body
    assert "网上页面显示的内容与它完全一致" in body
    assert html.find("a", href=page.url)
    # Scanning the QR opens the page pre-filled with the same answer.
    scanned = answer(client, **dict(p.split("=") for p in address.split("?")[1].split("&")))
    assert verdict(scanned) == "核验结果：核验一致"
    assert scanned.select_one("textarea").get_text().endswith(address.split("?")[1])


def test_a_corrected_version_is_genuine_with_every_later_correction_listed(client, page):
    address = sheet_address(client, page)
    correct(page, "摘要把金额写错了")
    html = answer(client, q=address)
    assert verdict(html) == "核验结果：记录属实，之后有更正"
    body = text_of(html)
    assert "第 2 版" in body and "摘要把金额写错了" in body
    assert "网上页面现在显示第 2 版" in body


def test_an_archived_head_from_an_earlier_day_is_checked_against_todays_data(client, page):
    entry = ChainHead.objects.filter(village_id=page.get_parent().pk).last()
    ChainHead.objects.filter(pk=entry.pk).update(day="2026-01-05")  # as if archived back then
    correct(page, "补充凭证号")
    html = answer(client, q=entry.head)
    assert "圩洋村 链头日志第" in text_of(html)
    assert "补充凭证号" in text_of(html)
    # (the moved day broke that entry's signature: the page says so, never "一致")
    assert verdict(html) == "核验结果：核验不一致"
    assert "签名不符" in text_of(html)


def test_a_tampered_version_is_flagged(client, page):
    version = page.versions.get()
    version.content = {**version.content, "title": "伪造标题"}
    version.hash = version_hash(version.payload(), version.previous_hash)
    version.signature = sign_version(version)  # even a writer holding the key
    DisclosureVersion.objects.filter(pk=version.pk).update(
        content=version.content, hash=version.hash, signature=version.signature
    )
    html = answer(client, q=version.hash)
    assert verdict(html) == "核验结果：核验不一致"
    assert "网上页面未通过核验" in text_of(html)
    assert "该版本在记录后被改写" in text_of(html)


@pytest.mark.parametrize(
    "make_input, expected",
    [
        (lambda v, h: "ab" * 32, "本站没有这个哈希"),  # a forged hash or head
        (lambda v, h: h[:40], "不完整：应为 64 位，这里只有 40 位"),
        (lambda v, h: v + "ff", "多了 2 位"),
        (lambda v, h: f"http://x{URL}?v={v}&h={h}。", "含有其他字符"),
        (lambda v, h: f"http://x{URL}?v={v}&h={h}&z=1", "多余的内容"),
        (lambda v, h: "您好，请问这是什么", "没有找到哈希"),
        (lambda v, h: '{"head": "' + h + '", "disclosures": []}', "存档本身不完整"),
        (lambda v, h: "{not json", "JSON 格式有误"),
        (lambda v, h: "a" * 30000, "内容太长"),
    ],
)
def test_bad_input_gets_a_clear_answer_never_a_match(client, page, make_input, expected):
    version = page.versions.get().hash
    head = ChainHead.objects.filter(village_id=page.get_parent().pk).last().head
    html = answer(client, q=make_input(version, head))
    assert expected in text_of(html)
    assert "核验一致" not in verdict(html)


def test_another_villages_hash_and_a_day_without_publication(client, page, villages):
    version = page.versions.get().hash
    head = ChainHead.objects.filter(village_id=page.get_parent().pk).last().head
    html = answer(client, q=version, village=str(villages[1].pk))
    assert "这个哈希属于圩洋村的公开，不是您所选的村" in text_of(html)
    assert verdict(html) == "核验结果：核验不一致"
    html = answer(client, q=head, village=str(villages[1].pk))
    assert "它是圩洋村的链头" in text_of(html)
    html = answer(client, q=head, date="2020-02-02")
    assert "不是您填写的 2020年02月02日" in text_of(html)
    assert "核验一致" not in verdict(html)
    assert "日期格式不对" in text_of(answer(client, q=head, date="昨天"))
    other = finance_disclosure(villages[1], title="示例村第一季度")
    pair = f"http://x{URL}?v={other.versions.get().hash}&h={head}"
    html = answer(client, q=pair)
    assert "这个链头不包含该版本" in text_of(html)
    assert verdict(html) == "核验结果：核验不一致"


def test_an_archived_copy_of_the_log_is_checked(client, page):
    copy = client.get("/siwu-data/chain-heads.json").content.decode()
    assert verdict(answer(client, q=copy)) == "核验结果：核验一致"


def test_the_page_is_in_the_sitemap_and_linked_from_village_and_disclosure(client, page):
    assert URL in client.get("/sitemap.xml").content.decode()
    village = client.get(page.get_parent().url).content.decode()
    assert f'href="{URL}?village={page.get_parent().pk}"' in village
    disclosure = client.get(page.url).content.decode()
    assert f'href="{URL}?q={page.versions.get().hash}"' in disclosure
    assert reverse("disclosures:verify") == URL
    assert "核验四务公开" in text_of(answer(client))
