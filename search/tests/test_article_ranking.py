"""A document whose one article answers the query ranks above one that scatters its words."""

import pytest
from bs4 import BeautifulSoup

from policies.structure import split_to_stream
from search.analysis import Analyzer
from search.backends import articles
from search.tests.factories import policy_doc

pytestmark = pytest.mark.django_db

# Every query word in 第二条.
TOGETHER = "\n".join(
    [
        "第一条 为了规范老年人福利工作，制定本办法。",
        "第二条 申请高龄津贴的老年人，应当向村民委员会提交身份证明材料。",
        "第三条 本办法自公布之日起施行。",
    ]
)
# The same words in a shorter text (a higher BM25), but each in another article.
SCATTERED = "\n".join(
    [
        "第一条 高龄津贴按月发放。",
        "第二条 申请应当书面提出。",
        "第三条 材料齐全的，当日办结。",
    ]
)


@pytest.fixture
def two_rules(chinese_backend):
    return {
        "together": policy_doc("老年人福利办法", body=TOGETHER, stream=split_to_stream(TOGETHER)),
        "scattered": policy_doc("敬老工作规定", body=SCATTERED, stream=split_to_stream(SCATTERED)),
    }


def _result_titles(client, query):
    html = BeautifulSoup(client.get("/search/", {"q": query}).content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in html.select(".result h3 a")]


def test_one_article_holding_every_word_ranks_first(client, two_rules):
    assert _result_titles(client, "高龄津贴 申请 材料") == ["老年人福利办法", "敬老工作规定"]


def test_the_first_hit_links_to_the_article_that_holds_the_words(client, two_rules):
    html = BeautifulSoup(
        client.get("/search/", {"q": "高龄津贴 申请 材料"}).content.decode(), "html.parser"
    )
    assert html.select_one(".result h3 a")["href"].endswith("#article-2")


def test_a_cited_article_number_does_not_start_an_article():
    tokens = Analyzer().index_tokens(
        "第一条 依照第三条规定申请。第二条 高龄津贴按月发放。第三条 本办法施行。"
    )
    spans = articles.article_spans(tokens)
    assert [span[0] for span in spans] == ["第一条", "第二条", "第三条"]
    assert "发放" in spans[1] and "发放" not in spans[0]


def test_a_text_without_numbered_articles_has_no_article_share():
    plan = Analyzer().parse_query("高龄津贴申请")
    tokens = Analyzer().index_tokens("申请高龄津贴的，依照第五条办理。")
    assert articles.best_article_share(plan, tokens, [1.0, 1.0]) == 0.0


def test_article_numbers_in_chinese_numerals():
    assert [articles.chinese_number(n) for n in ("一", "十", "十四", "二十", "一百零三")] == [
        1,
        10,
        14,
        20,
        103,
    ]
