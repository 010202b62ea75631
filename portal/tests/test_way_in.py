"""The way in: from the home page to every form, the HTML site map, open data, 纠错 with its
clock, and search offering the forms first."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse

from editorial.services import matching_entries
from portal import clock
from portal.models import ErrorReport, ReportStatus
from tests.browser.content import ensure_base
from tests.hostile import PAYLOADS, dangerous_markup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def links(page):
    return {a.get_text(" ", strip=True): a["href"] for a in page.select("a[href]")}


def test_home_and_navigation_lead_to_every_form_in_one_or_two_taps(client):
    ensure_base()
    home = soup(client.get("/"))
    nav = {a.get_text(strip=True): a["href"] for a in home.select(".site-nav a")}
    assert nav["信息公开与互动"] == reverse("portal:hub")
    cards = {a.strong.get_text(): a["href"] for a in home.select(".home-services .service-cards a")}
    assert cards["依申请公开"] == reverse("enquiries:ask_request")
    assert cards["我要留言"] == reverse("enquiries:ask_message")
    assert cards["办理进度查询"] == reverse("enquiries:status")
    assert cards["政府信息公开指南"] == reverse("enquiries:ask_request") + "#xuzhi"
    hub = links(soup(client.get(nav["信息公开与互动"])))
    for words in ("依申请公开", "我要留言", "办理进度查询", "质询与留言答复", "我要纠错"):
        assert any(text.startswith(words) for text in hub), words
    footer = {a.get_text(strip=True): a["href"] for a in home.select("footer a")}
    assert footer["网站地图"] == reverse("portal:sitemap")
    assert footer["开放数据"] == reverse("portal:open_data")
    assert footer["我要纠错"].startswith(reverse("portal:correction"))


def test_search_offers_the_form_first_for_what_people_type():
    assert matching_entries("依申请公开")[0].key == "request-form"
    assert matching_entries("我要申请政府信息公开")[0].key == "request-form"
    assert matching_entries("留言")[0].key == "message-form"
    assert matching_entries("查询办理进度")[0].key == "status"
    assert matching_entries("纠错")[0].key == "correction"
    assert matching_entries("公开") == []  # too general to name a form
    assert matching_entries("城乡社区治理") == []


def test_search_page_shows_the_service_cards_above_the_results(client):
    ensure_base()
    page = soup(client.get("/search/", {"q": "留言"}))
    cards = page.select(".search-services a")
    if not cards:  # the engine found no plan for the word: the page still names the form
        pytest.fail(page.get_text(" ", strip=True)[:500])
    assert cards[0]["href"] == reverse("enquiries:ask_message")


def test_site_map_is_html_from_the_page_tree_and_lists_the_forms(client):
    ensure_base()
    page = soup(client.get(reverse("portal:sitemap")))
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text() == "网站地图"
    hrefs = links(page).values()
    for name in ("enquiries:ask_request", "enquiries:ask_message", "enquiries:qa_list"):
        assert reverse(name) in hrefs
    assert "首页" in text
    xml = client.get("/sitemap.xml").content.decode()
    assert "/hudong/shenqing/</loc>" in xml and "/hudong/</loc>" in xml


def test_open_data_page_is_chinese_and_links_real_exports(client):
    ensure_base()
    page = soup(client.get(reverse("portal:open_data")))
    text = page.get_text(" ", strip=True)
    assert "开放接口" in text and "下载数据文件" in text and "Api Root" not in text
    for href in ("/feeds/news.rss", "/siwu-data/chain-heads.json"):
        assert href in links(page).values()
        assert client.get(href).status_code == 200


def test_a_report_is_filed_with_its_three_working_day_clock(client):
    response = client.post(
        reverse("portal:correction"),
        {"page_url": "/news/", "kind": "typo", "description": "第二段“治里”应为“治理”。"},
    )
    assert response.status_code == 302
    report = ErrorReport.objects.get()
    assert report.due_on == clock.due_date(report.received_on)
    received = soup(client.get(response["Location"])).get_text(" ", strip=True)
    assert report.reference in received and "3 个工作日内" in received


def test_the_clock_skips_the_national_day_holiday():
    from workdays import calendar

    due = clock.due_date(datetime.date(2026, 9, 30))
    assert due > datetime.date(2026, 10, 7)  # not 5 October: the 国庆 days off do not count
    assert calendar.working_days_between(datetime.date(2026, 9, 30), due) == 3
    assert clock.state(due, due + datetime.timedelta(days=1)) == clock.OVERDUE
    assert clock.state(due, due + datetime.timedelta(days=1), closed=True) == clock.DONE


@pytest.mark.parametrize(
    "data, message",
    [
        ({"page_url": "", "description": "错字"}, "请填写出错的网页"),
        ({"page_url": "javascript:alert(1)", "description": "错字"}, "请填写本网站的网页地址"),
        ({"page_url": "/x/", "description": "字" * 1001}, "问题描述不能超过 1000 个字"),
        ({"page_url": "/x/", "description": "错字", "kind": "nope"}, "请从列出的问题类型中选择"),
        ({"page_url": "/x/", "description": "错字", "website": "x"}, "请不要填写"),
    ],
)
def test_bad_reports_get_a_chinese_message_and_save_nothing(client, data, message):
    response = client.post(reverse("portal:correction"), {"kind": "typo", **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ErrorReport.objects.exists()


def test_staff_close_a_report_in_the_admin_and_their_name_is_kept(admin_client, admin_user):
    report = ErrorReport.objects.create(page_url="/news/", kind="link", description="链接打不开")
    listing = admin_client.get(reverse("portal_errorreport:index")).content.decode()
    assert "链接打不开" in listing and ("期限内" in listing or "即将到期" in listing)
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "网站纠错：待处理" in dashboard and "链接打不开" in dashboard
    assert admin_client.get(reverse("portal_errorreport:add")).status_code in (302, 403)
    edit = reverse("portal_errorreport:edit", args=[report.pk])
    refused = admin_client.post(edit, {"status": ReportStatus.CLOSED, "handling_note": ""})
    assert refused.status_code == 200 and "办结时请写明处理情况" in refused.content.decode()
    done = admin_client.post(edit, {"status": ReportStatus.CLOSED, "handling_note": "已改正链接"})
    assert done.status_code == 302
    report.refresh_from_db()
    assert report.closed_by == admin_user.username and report.closed_on is not None


def test_script_in_a_report_is_kept_as_text_and_never_runs(client, admin_client):
    payload = "".join(PAYLOADS)[:1000]
    data = {"page_url": PAYLOADS[2], "kind": "other", "description": payload, "contact": "<b>x"}
    assert client.post(reverse("portal:correction"), data).status_code == 302
    report = ErrorReport.objects.get()
    assert report.description == payload.strip()
    edit = admin_client.get(reverse("portal_errorreport:edit", args=[report.pk])).content.decode()
    assert PAYLOADS[0] not in edit and PAYLOADS[2] not in edit  # the admin shows them escaped
    assert "&lt;script&gt;alert(" in edit
    bad = client.post(reverse("portal:correction"), {k: PAYLOADS[0] for k in data})
    assert bad.status_code == 400 and dangerous_markup(bad.content.decode()) == []
    received = client.get(reverse("portal:correction_received")).content.decode()
    assert dangerous_markup(received) == []
