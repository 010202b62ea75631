"""Every page type fetched without a browser: markup rules, SEO, error pages, no-JS forms, size."""

import gzip
import json
import re
from urllib.parse import urlparse

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from .content import SEARCH_TERM, Tags, build_site, public_page_types

pytestmark = pytest.mark.django_db

HOME_BUDGET = 100 * 1024  # home page HTML + CSS + JS, gzip-compressed
SCHEMA = {
    "home.HomePage": "WebSite",
    "news.NewsArticlePage": "NewsArticle",
    "news.CaseStudyPage": "Article",
    "policies.PolicyPage": "Legislation",
    "policies.PolicyInterpretationPage": "Article",
    "media.PhotoFeaturePage": "ImageGallery",
    "disclosures.DisclosurePage": "Report",
    "news.NewsIndexPage": "CollectionPage",
}


@pytest.fixture
def site_pages(db):
    return build_site()


def fetch(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def json_ld(html):
    blocks = [
        body for attrs, body in Tags(html).scripts if attrs.get("type") == "application/ld+json"
    ]
    assert len(blocks) == 1
    return json.loads(blocks[0])["@graph"]


def test_every_page_type_has_landmarks_one_h1_and_no_inline_code(client, site_pages):
    assert sorted(site_pages) == public_page_types()
    for label, page in site_pages.items():
        html = fetch(client, page.url)
        tags = Tags(html)
        names = [name for name, _ in tags.tags]
        assert names.count("h1") == 1, label
        assert names.count("main") == 1 and "header" in names and "footer" in names, label
        assert tags.find_all("a", href="#main"), label  # skip link
        for name, attrs in tags.tags:
            assert "style" not in attrs, (label, name)
            assert not [a for a in attrs if a.startswith("on")], (label, name, attrs)
            if name == "img":
                assert attrs.get("alt"), (label, attrs)
            if name in ("script", "link", "img", "iframe", "source") and (
                attrs.get("src") or attrs.get("href")
            ):
                url = urlparse(attrs.get("src") or attrs.get("href"))
                if name != "link" or attrs.get("rel") in ("stylesheet", "icon", "preload"):
                    assert not url.netloc, (label, name, attrs)  # nothing from another host
        for attrs, _body in tags.scripts:  # only data blocks inline, code only from files
            assert attrs.get("src") or attrs.get("type") == "application/ld+json", label
        # headings never skip a level going down
        levels = [int(n[1]) for n in names if re.fullmatch(r"h[1-6]", n)]
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (label, levels)


def test_every_form_input_has_a_label(client, site_pages):
    urls = [page.url for page in site_pages.values()] + [f"/search/?q={SEARCH_TERM}"]
    for url in urls:
        tags = Tags(fetch(client, url))
        labelled = {a.get("for") for a in tags.find_all("label")}
        for name, attrs in tags.tags:
            if name in ("input", "select", "textarea") and attrs.get("type") not in (
                "hidden",
                "submit",
            ):
                assert attrs.get("id") in labelled or attrs.get("aria-label"), (url, attrs)


def test_canonical_open_graph_and_schema_org_per_page_type(client, site_pages):
    for label, page in site_pages.items():
        html = fetch(client, page.url)
        tags = Tags(html)
        canonical = tags.find_all("link", rel="canonical")
        assert [c["href"] for c in canonical] == [page.full_url], label
        og = {a["property"]: a["content"] for a in tags.find_all("meta") if "property" in a}
        assert og["og:url"] == page.full_url and og["og:title"] == (page.seo_title or page.title)
        assert og["og:locale"] == "zh_CN" and og["og:site_name"]
        graph = json_ld(html)
        if label in SCHEMA:
            assert graph[0]["@type"] == SCHEMA[label], label
        assert graph[0]["url"] == page.full_url
    news = site_pages["news.NewsArticlePage"]
    article = json_ld(fetch(client, news.url))
    assert article[0]["headline"] == news.title
    assert article[0]["datePublished"] == "2023-05-10"
    assert article[0]["author"] == [{"@type": "Person", "name": "李红"}]
    assert article[0]["isBasedOn"] == "https://example.org/news/1"
    assert [i["name"] for i in article[1]["itemListElement"]][-1] == news.title
    policy = json_ld(fetch(client, site_pages["policies.PolicyPage"].url))[0]
    assert policy["legislationIdentifier"] == "测社发〔2023〕7号"
    assert policy["legislationLegalForce"] == "InForce"
    assert policy["legislationPassedBy"][0]["name"] == "测试市民政局"
    photo = fetch(client, site_pages["media.PhotoFeaturePage"].url)
    og_image = [a for a in Tags(photo).find_all("meta") if a.get("property") == "og:image"]
    assert og_image and og_image[0]["content"].startswith("http://testserver/")


def test_sitemap_lists_live_public_pages_only(client, site_pages):
    news = site_pages["news.NewsArticlePage"]
    draft = news.get_parent().add_child(
        instance=type(news)(title="草稿新闻", slug="draft-news", date=news.date, live=False)
    )
    xml = fetch(client, "/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    for page in site_pages.values():
        assert page.full_url in locations
    assert draft.full_url not in locations
    assert not [loc for loc in locations if "/admin/" in loc]


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text and "Disallow: /preferences/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_404_helps_the_reader_on_in_chinese(client, site_pages):
    html = fetch(client, "/news/社区-议事会/", status=404)
    tags = Tags(html)
    assert "没有找到这个页面" in html and '<html lang="zh-Hans"' in html
    query = tags.find_all("input", id="not-found-q")[0]
    assert query["value"] == "社区 议事会"  # a first search from the address
    hrefs = {a.get("href") for a in tags.find_all("a")}
    assert "/" in hrefs and site_pages["news.NewsIndexPage"].url in hrefs
    client.cookies["script"] = "hant"
    assert "沒有找到這個頁面" in fetch(client, "/no-such-page/", status=404)


def test_500_page_is_chinese_and_stands_alone(db):
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "服务器暂时出错" in html and 'href="/"' in html and 'action="/search/"' in html
    assert "{%" not in html


def test_listings_filters_and_search_work_without_javascript(client, site_pages):
    """Every GET form on every page submits as a plain request and gets a page back."""
    for page in site_pages.values():
        html = fetch(client, page.url)
        for form in re.findall(r"<form\b[^>]*>.*?</form>", html, re.S):
            tags = Tags(form)
            attrs = tags.tags[0][1]
            if attrs.get("method", "get").lower() != "get":
                continue
            data = {
                a["name"]: a.get("value") or SEARCH_TERM
                for n, a in tags.tags
                if n == "input"
                and a.get("name")
                and a.get("type") not in ("submit", "checkbox", "radio")
            }
            target = attrs.get("action") or page.url
            response = client.get(target, data)
            assert response.status_code == 200, (page.url, target, data)
    results = fetch(client, f"/search/?q={SEARCH_TERM}")
    assert site_pages["policies.PolicyPage"].url in results


def test_search_accepts_traditional_script(client, site_pages):
    results = fetch(client, "/search/?q=加裝電梯")  # 加装电梯 typed in traditional characters
    assert site_pages["policies.PolicyPage"].url in results


def test_home_page_fits_the_100_kb_budget(client, site_pages):
    html = client.get("/").content
    tags = Tags(html.decode())
    assets = [a["href"] for a in tags.find_all("link", rel="stylesheet")]
    assets += [a["src"] for a, _ in tags.scripts if a.get("src")]
    total = len(gzip.compress(html))
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    assert total <= HOME_BUDGET, total
