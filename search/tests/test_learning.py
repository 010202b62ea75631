"""Search that learns: searches are counted, promotions lead, editors see the report."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search.models import ZeroResultHits
from search.tests.factories import news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "x-pass-7c1")
    client.force_login(user)
    return client


def hits(text):
    query = Query.objects.filter(query_string=text).first()
    return (query.hits, sum(r.hits for r in query.zero_result_hits.all())) if query else (0, 0)


def test_searches_are_counted_once_per_search_and_empty_ones_flagged(client, chinese_backend):
    news_page("社区养老服务站开放", body="老人可以就近养老")
    client.get("/search/", {"q": "养老"})
    client.get("/search/", {"q": " 养老 "})
    client.get("/search/", {"q": "养老", "page": "2"})  # paging is the same search
    client.get("/api/search/", {"q": "火星移民"})
    client.get("/search/", {"q": "火星移民", "type": "newsarticlepage"})  # filtered: not a gap
    assert hits("养老") == (2, 0)
    assert hits("火星移民") == (2, 1)


def test_hostile_query_is_recorded_without_control_characters(client, chinese_backend):
    response = client.get("/search/", {"q": "低\x00保\x07"})
    assert response.status_code == 200
    assert hits("低保") == (1, 1)


def test_promotion_is_shown_above_results_on_the_page_and_in_the_api(client, chinese_backend):
    guide = news_page("办事指南汇总", body="各类事项办理流程")
    news_page("低保申请流程", body="办事需要带身份证")
    hidden = news_page("草稿指南", body="未发布", live=False)
    query = Query.get("办事")
    SearchPromotion.objects.create(
        query=query, page=guide, description="常用办事入口", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=hidden)

    page = BeautifulSoup(client.get("/search/", {"q": "办事"}).content, "html.parser")
    box = page.select_one(".promotions")
    assert [a.get_text() for a in box.select("a")] == ["办事指南汇总"]
    assert "常用办事入口" in box.get_text()
    # The promotion comes before the result list.
    assert box.find_next("ol", class_="result-list") is not None

    data = client.get("/api/search/", {"q": "辦事"}).json()  # traditional script finds it too
    assert [p["title"] for p in data["promotions"]] == ["办事指南汇总"]
    assert data["promotions"][0]["url"] == guide.url


def test_report_lists_frequent_and_zero_result_queries_by_period(editor):
    today = timezone.localdate()
    recent, old, empty = Query.get("养老金"), Query.get("村官"), Query.get("火星移民")
    QueryDailyHits.objects.create(query=recent, date=today, hits=5)
    QueryDailyHits.objects.create(query=old, date=today - datetime.timedelta(days=10), hits=9)
    QueryDailyHits.objects.create(query=empty, date=today, hits=2)
    ZeroResultHits.objects.create(query=empty, date=today, hits=2)

    def rows(**params):
        page = BeautifulSoup(
            editor.get("/admin/reports/search-queries/", params).content, "html.parser"
        )
        return [
            [td.get_text(" ", strip=True) for td in tr.select("td")][:3]
            for tr in page.select("tbody tr")
        ]

    assert rows() == [["养老金", "5", "0"], ["火星移民", "2", "2"]]
    assert rows(period="30") == [["村官", "9", "0"], ["养老金", "5", "0"], ["火星移民", "2", "2"]]
    assert rows(kind="zero") == [["火星移民", "2", "2"]]
    assert editor.get("/admin/reports/search-queries/", {"period": "x"}).status_code == 200


def test_report_actions_open_prefilled_forms(editor):
    QueryDailyHits.objects.create(query=Query.get("村官"), date=timezone.localdate(), hits=1)
    page = BeautifulSoup(editor.get("/admin/reports/search-queries/").content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in page.select("tbody a")}
    synonym = BeautifulSoup(editor.get(links["添加同义词"]).content, "html.parser")
    assert synonym.select_one("textarea[name=terms]").get_text().strip() == "村官，"
    promote = BeautifulSoup(editor.get(links["推广页面"]).content, "html.parser")
    assert promote.select_one("input[name=query_string]")["value"] == "村官"


def test_report_is_listed_under_reports_and_closed_to_readers(client, editor, rf):
    from wagtail import hooks

    items = [fn() for fn in hooks.get_hooks("register_reports_menu_item")]
    item = next(i for i in items if i.name == "search-queries")
    assert item.label == "检索词统计" and item.url == "/admin/reports/search-queries/"
    reader = get_user_model().objects.create_user("reader", password="x-pass-3d8")
    request = rf.get("/admin/")
    request.user = reader
    assert not item.is_shown(request)
    request.user = get_user_model().objects.get(username="editor")
    assert item.is_shown(request)
    client.force_login(reader)
    assert client.get("/admin/reports/search-queries/").status_code in (302, 403)
