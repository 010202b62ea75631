"""The open API (Wagtail API v2): every public page type with its meaningful fields."""

import pytest

from .content import build_site

pytestmark = pytest.mark.django_db

FIELDS = {
    "home.HomePage": {"intro"},
    "news.NewsIndexPage": {"intro"},
    "news.CaseStudyIndexPage": {"intro"},
    "news.NewsArticlePage": {"date", "author", "source", "source_url", "region", "body", "tags"},
    "news.CaseStudyPage": {"date", "region", "body", "themes", "key_figures"},
    "policies.PolicyIndexPage": {"intro"},
    "policies.PolicyPage": {
        "doc_number",
        "index_number",
        "issuing_authorities_list",
        "doc_type",
        "written_date",
        "published_date",
        "effective_date",
        "validity",
        "topics_list",
        "body",
    },
    "policies.PolicyInterpretationPage": {"date", "author", "source", "interprets_id", "body"},
    "policies.PolicyPackagePage": {"summary", "member_list"},
    "media.PhotoFeatureIndexPage": {"intro"},
    "media.PhotoFeaturePage": {"date", "place", "text", "photos"},
    "disclosures.DisclosureIndexPage": {"intro"},
    "specials.CollectionIndexPage": {"intro"},
    "specials.CollectionPage": {"intro", "criteria", "newest_item_date", "item_count", "items"},
    "enquiries.AnnualReportPage": {"year", "organ", "overview", "proactive", "applications"},
    "disclosures.CountyPage": {"intro"},
    "disclosures.TownshipPage": {"kind", "intro"},
    "disclosures.VillagePage": {"kind", "finance_interval", "board_location", "overdue_summary"},
    "notices.NoticeIndexPage": {"intro"},
    "notices.NoticePage": {"kind", "publisher", "window_start", "window_end", "state_label"},
    "notices.ConsultationIndexPage": {"intro"},
    "notices.ConsultationPage": {
        "organ",
        "document_title",
        "window_start",
        "window_end",
        "state_label",
    },
    "disclosures.DisclosurePage": {
        "category",
        "period_label",
        "period_start",
        "period_end",
        "sign_off",
        "finance_table",
        "version_chain",
    },
}


@pytest.fixture
def site_pages(db):
    return build_site()


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, (page, response.content[:300])
    return response.json()


def test_every_public_page_type_has_its_fields_in_the_api(client, site_pages):
    assert set(FIELDS) >= set(site_pages), "new page type: list its API fields here"
    for label, page in site_pages.items():
        data = detail(client, page)
        assert data["meta"]["type"] == label
        assert data["title"] == page.title
        missing = FIELDS[label] - set(data)
        assert not missing, (label, missing)


def test_listing_by_type_filters_and_pages(client, site_pages):
    response = client.get(
        "/api/v2/pages/",
        {"type": "policies.PolicyPage", "fields": "doc_number,validity", "validity": "有效"},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["doc_number"] for i in items] == ["测社发〔2023〕7号"]
    assert items[0]["meta"]["html_url"].endswith(site_pages["policies.PolicyPage"].url)
    bad = client.get("/api/v2/pages/", {"type": "news.NoSuchPage"})
    assert bad.status_code == 400


def test_api_values_match_the_pages(client, site_pages):
    news = detail(client, site_pages["news.NewsArticlePage"])
    assert news["author"] == "李红" and news["source"] == "测试日报"
    assert news["date"] == "2023-05-10"
    assert "会议总结了试点经验" in str(news["body"])
    photo = detail(client, site_pages["media.PhotoFeaturePage"])
    assert photo["photos"][0]["caption"] == "居民在议事会上发言"
    assert photo["photos"][0]["image"]["alt"] == "居民围坐在会议桌旁发言"
    assert photo["photos"][0]["image"]["credit"] == "赵亮"
    policy = detail(client, site_pages["policies.PolicyPage"])
    assert policy["issuing_authorities_list"] == ["测试市民政局"]
    assert policy["validity"] == "有效"
    disclosure = detail(client, site_pages["disclosures.DisclosurePage"])
    assert "集体资产租金" in str(disclosure["finance_table"])


def test_drafts_are_not_in_the_api(client, site_pages):
    news = site_pages["news.NewsArticlePage"]
    news.unpublish()
    assert client.get(f"/api/v2/pages/{news.pk}/").status_code == 404
    listed = client.get("/api/v2/pages/", {"type": "news.NewsArticlePage"}).json()
    assert listed["meta"]["total_count"] == 0
