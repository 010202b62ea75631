"""A hit inside an article-structured policy links to the article that answers the query."""

import datetime

import pytest
from bs4 import BeautifulSoup

from policies.structure import split_to_stream
from search.analysis import Analyzer
from search.engine.results import best_section
from search.tests.factories import policy_doc

pytestmark = pytest.mark.django_db

TEXT = "\n".join(
    [
        "第一条 为了保障失业人员失业期间的基本生活，促进其再就业，制定本条例。",
        "第二条 城镇企业事业单位及其职工必须依照本条例的规定，缴纳失业保险费。",
        "第三条 失业保险基金由失业保险费、利息和财政补贴构成。",
        "第四条 失业人员失业前所在单位和本人累计缴费满1年不足5年的，"
        "领取失业保险金的期限最长为12个月；"
        "累计缴费满5年不足10年的，领取失业保险金的期限最长为18个月。",
        "第五条 失业保险金的标准，由省、自治区、直辖市人民政府确定。",
    ]
)


@pytest.fixture
def policy(chinese_backend):
    return policy_doc(
        "失业保险条例",
        body=TEXT,
        stream=split_to_stream(TEXT),
        published_date=datetime.date(1999, 1, 22),
    )


def test_articles_are_scored_not_found_first():
    sections = [
        (f"article-{i}", f"第{i}条", line.split(" ", 1)[1])
        for i, line in enumerate(TEXT.split("\n"), start=1)
    ]
    plan = Analyzer().parse_query("失业保险金最长领取期限")
    assert best_section(sections, plan)[0] == "article-4"
    # 失业保险 occurs first in 第二条; the standard is in 第五条.
    assert best_section(sections, Analyzer().parse_query("失业保险金标准"))[0] == "article-5"
    assert best_section(sections, Analyzer().parse_query("咸宁")) is None


def test_a_word_every_article_holds_does_not_choose_the_article():
    lines = [
        "为了推进城乡社区发展治理，制定本办法。",
        "社区发展治理坚持党建引领。",
        "网格员负责走访居民，收集社情民意。",
        "社区发展治理委员会负责解释本办法。",
    ]
    sections = [(f"article-{i}", f"第{i}条", t) for i, t in enumerate(lines, start=1)]
    plan = Analyzer().parse_query("社区发展治理 网格员")
    assert best_section(sections, plan)[0] == "article-3"


def test_search_page_links_the_best_article(client, policy):
    html = BeautifulSoup(
        client.get("/search/", {"q": "失业保险金最长领取期限"}).content.decode(), "html.parser"
    )
    result = html.select_one(".result")
    assert result.select_one("h3 a")["href"].endswith("#article-4")
    snippet = result.get_text()
    assert "最长为12个月" in snippet or "最长为18个月" in snippet
    assert {m.get_text() for m in result.select("mark")} >= {"期限", "领取"}


def test_api_links_the_best_article(client, policy):
    data = client.get("/api/search/", {"q": "失业保险金的标准由谁确定"}).json()
    first = data["results"][0]
    assert first["url"].endswith("#article-5")
    assert "<mark>标准</mark>" in first["snippet"]
    assert "自治区" in first["snippet"]


def test_anchor_exists_on_the_policy_page(client, policy):
    data = client.get("/api/search/", {"q": "失业保险金最长领取期限"}).json()
    page, anchor = data["results"][0]["url"].split("#")
    html = BeautifulSoup(client.get(page).content.decode(), "html.parser")
    assert html.find(id=anchor) is not None
    assert "领取失业保险金的期限" in html.find(id=anchor).get_text()
