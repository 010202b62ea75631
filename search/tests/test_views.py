"""The public search page and JSON endpoints, as a reader (and a script) sees them."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from search.tests.factories import authority, news_page, policy_doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(chinese_backend):
    city = authority("中共成都市委")
    text = "第一条 为了推进社区发展，制定本意见。\n第二条 设立社治委，统筹城乡社区发展治理。"
    try:
        from policies.structure import split_to_stream
    except ImportError:  # articles are the policies app's business; without it the test skips
        split_to_stream = None
    policy = policy_doc(
        "关于深入推进城乡社区发展治理的意见",
        body=text,
        stream=split_to_stream(text) if split_to_stream else None,
        doc_number="成委发〔2017〕27号",
        published_date=datetime.date(2017, 9, 2),
        issuing_authorities=[city],
    )
    news = news_page(
        "青羊區社區發展治理",
        body="青羊區(qū)推進社區(qū)網格員<b>隊伍</b>建設。",
        date=datetime.date(2018, 10, 10),
    )
    return {"policy": policy, "news": news}


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_search_page_lists_hits_with_marks(client, pages):
    response = client.get("/search/", {"q": "社区发展治理"})
    assert response.status_code == 200
    html = soup(response)
    links = {a.get_text() for a in html.select(".result h3 a")}
    assert links == {pages["policy"].title, "青羊區社區發展治理"}
    marks = [m.get_text() for m in html.select(".snippet mark")]
    assert "社區發展治理" in marks or "社区发展治理" in marks
    assert "找到 2 条结果" in html.get_text()


def test_content_markup_never_leaks(client, pages):
    response = client.get("/search/", {"q": "网格员"})
    body = response.content.decode()
    assert "<b>隊伍</b>" not in body and "&lt;b&gt;隊伍&lt;/b&gt;" in body


def test_hit_inside_article_links_to_its_anchor(client, pages):
    if not pages["policy"].specific.articles():
        pytest.skip("policy body is not split into articles by the policies app")
    response = client.get("/search/", {"q": "社治委"})
    link = soup(response).select_one(".result h3 a")["href"]
    assert link.endswith("#article-2")


def test_doc_number_query_redirects_to_the_document(client, pages):
    response = client.get("/search/", {"q": "成委发[2017]27号"})
    assert response.status_code == 302
    assert response["Location"] == pages["policy"].url


def test_facet_links_work_without_javascript(client, pages):
    html = soup(client.get("/search/", {"q": "社区"}))
    year_links = {a.get_text(): a["href"] for a in html.select(".search-facets a")}
    assert "2017" in year_links and "政策文件" in year_links
    filtered = soup(client.get("/search/" + year_links["2017"]))
    assert [a.get_text() for a in filtered.select(".result h3 a")] == [pages["policy"].title]


def test_partial_match_is_said_and_helps(client, pages):
    html = soup(client.get("/search/", {"q": "社区 咸宁"}))
    text = html.get_text()
    # No page mentions 咸宁: the pages about 社区 are listed, marked as a partial match.
    assert "部分匹配" in html.select_one(".match-note").get_text()
    assert len(html.select(".result .partial")) == len(html.select(".result")) == 2
    assert "没有找到" not in text
    suggestion_links = {a.get_text() for a in html.select(".search-help a")}
    assert "社区" in suggestion_links


def test_no_results_page_helps(client, pages):
    html = soup(client.get("/search/", {"q": "咸宁"}))
    assert "没有找到" in html.get_text()
    assert not html.select(".result")


def test_api_shape(client, pages):
    response = client.get("/api/search/", {"q": "社區", "sort": "newest"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["query"] == "社區" and data["count"] == 2
    assert [r["title"] for r in data["results"]] == ["青羊區社區發展治理", pages["policy"].title]
    first = data["results"][0]
    assert set(first) >= {"title", "url", "type", "date", "snippet"}
    assert first["date"] == "2018-10-10"
    assert {f["value"] for f in data["facets"]["year"]} == {2017, 2018}
    assert "<mark>" in first["snippet"]


def test_api_filters_and_bad_values(client, pages):
    data = client.get("/api/search/", {"q": "社区", "authority": "中共成都市委"}).json()
    assert [r["title"] for r in data["results"]] == [pages["policy"].title]
    data = client.get(
        "/api/search/", {"q": "社区", "year": "abc", "page": "-3", "type": "nope"}
    ).json()
    assert data["count"] == 2 and len(data["messages"]) == 3


def test_api_requires_a_query(client, pages):
    response = client.get("/api/search/")
    assert response.status_code == 400
    assert "检索词" in response.json()["error"]


def test_autocomplete(client, pages):
    data = client.get("/api/search/autocomplete/", {"q": "青羊"}).json()
    assert [r["title"] for r in data["results"]] == ["青羊區社區發展治理"]
    data = client.get("/api/search/autocomplete/", {"q": "城乡社区发"}).json()
    assert [r["title"] for r in data["results"]] == [pages["policy"].title]


def test_empty_page_has_form(client, pages):
    html = soup(client.get("/search/"))
    assert html.select_one("form.search-form input[name=q]") is not None
    assert not html.select("script:not([src])") and not html.select("[style]")


def test_header_box_offers_the_same_autocomplete(client, pages):
    html = soup(client.get("/search/", {"q": "社区"}))
    for box in (html.select_one("#site-search-q"), html.select_one("#search-q")):
        assert box["data-autocomplete-url"] == "/api/search/autocomplete/"
        assert html.select_one(f"datalist#{box['list']}") is not None
        assert box.find_parent("form")["method"] == "get"  # works without JavaScript
    assert len(html.select('script[src$="search/autocomplete.js"]')) == 1


def test_hint_examples_exist_in_the_demo_content(client):
    """The document numbers the page offers as examples are carried by demo records."""
    import re
    from pathlib import Path

    html = client.get("/search/", {"q": "无此内容的检索词"}).content.decode()
    examples = set(re.findall(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", html))
    assert examples
    demo = Path(__file__).resolve().parents[2] / "policies" / "demo" / "corpus-sample.jsonl"
    numbers = {
        json.loads(line).get("doc_number")
        for line in demo.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert examples <= numbers
