"""One wrong, missing or extra character still finds the document, and the reader is offered
the query as the documents spell it ("您是不是要找")."""

import pytest
from bs4 import BeautifulSoup

from search.analysis import Analyzer
from search.engine import SearchRequest, get_engine, typos
from search.tests.factories import news_page, policy_doc

pytestmark = pytest.mark.django_db


def test_within_one_edit():
    assert typos.within_one_edit("最低生活保漳", "最低生活保障")  # wrong character
    assert typos.within_one_edit("最低生保障", "最低生活保障")  # missing character
    assert typos.within_one_edit("最低生活活保障", "最低生活保障")  # extra character
    assert not typos.within_one_edit("最低生活保障", "最低生活保障")
    assert not typos.within_one_edit("最底生活保漳", "最低生活保障")


def test_bigram_query_leaves_out_question_words():
    plan = Analyzer().parse_query("失业保验怎么领")
    assert typos.bigram_query(plan) == '"失业" "业保" "保验"'


@pytest.fixture
def corpus(chinese_backend):
    policy_doc("失业保险条例", body="失业保险基金用于失业人员的失业保险金。")
    policy_doc("慈善组织认定办法", body="民政部门认定慈善组织。")
    news_page("农村留守儿童关爱保护", body="留守儿童关爱服务体系。")
    news_page("社区运动会", body="居民参加运动会。")


@pytest.mark.parametrize(
    "typed, title, corrected, match",
    [
        ("失业保验条例", "失业保险条例", "失业保险条例", "partial"),  # wrong character
        ("慈善组制认定办法", "慈善组织认定办法", "慈善组织认定办法", "partial"),
        ("留守儿同关爱", "农村留守儿童关爱保护", "留守儿童关爱", "partial"),
        # A missing character: every remaining word is in the document, yet the spelling helps.
        ("慈善组认定", "慈善组织认定办法", "慈善组织认定", "full"),
    ],
)
def test_typo_finds_the_document_and_offers_the_spelling(corpus, typed, title, corrected, match):
    resp = get_engine().search(SearchRequest(q=typed))
    assert resp.hits and resp.hits[0].title == title
    assert resp.match == match
    assert resp.did_you_mean and resp.did_you_mean[0]["query"] == corrected
    again = get_engine().search(SearchRequest(q=corrected))
    assert again.hits[0].title == title and again.match == "full"


def test_correct_query_gets_no_correction(corpus):
    resp = get_engine().search(SearchRequest(q="失业保险"))
    assert [h.title for h in resp.hits] == ["失业保险条例"]
    assert resp.did_you_mean == [] and not resp.fuzzy


def test_unrelated_query_stays_empty(corpus):
    resp = get_engine().search(SearchRequest(q="火星移民签证"))
    assert resp.count == 0 and resp.did_you_mean == []


def test_page_and_api_show_did_you_mean(client, corpus):
    page = BeautifulSoup(client.get("/search/", {"q": "失业保验条例"}).content, "html.parser")
    note = page.select_one(".did-you-mean")
    assert note.get_text().startswith("您是不是要找：")
    link = note.select_one("a")
    assert link.get_text() == "失业保险条例" and "q=%E5%A4%B1" in link["href"]
    assert page.select_one(".result h3 a").get_text() == "失业保险条例"
    data = client.get("/api/search/", {"q": "失业保验条例"}).json()
    assert data["did_you_mean"] == [{"query": "失业保险条例", "count": 1}]
    assert data["results"][0]["match"] == "partial"
