"""Ranking of partial matches: loose word parts, rare words, kind-of-document words, pairs."""

import pytest

from search.analysis import Analyzer
from search.backends import passages
from search.engine import SearchRequest, get_engine
from search.tests.factories import news_page

pytestmark = pytest.mark.django_db


def test_scattered_parts_of_a_word_count_half():
    plan = Analyzer().parse_query("志愿服务条例")
    whole = Analyzer().index_tokens("本条例规范志愿服务。")
    scattered = Analyzer().index_tokens("本条例规范志愿者的登记和社区服务。")
    assert plan.credit(whole) == 2
    assert plan.credit(scattered) == 1.5
    # Still a match for recall: the parts alternative is kept.
    assert plan.matches(scattered)


def test_neighbouring_words_written_together_score():
    analyzer = Analyzer()
    plan = analyzer.parse_query("专项附加扣除标准")
    together = analyzer.index_text("个人所得税专项附加扣除的标准").split()
    apart = analyzer.index_text("专项资金。附加说明。扣除费用。标准。").split()
    weights = [1.0] * len(plan.groups)
    assert passages.adjacent_share(plan, together, weights) > passages.adjacent_share(
        plan, apart, weights
    )


@pytest.fixture
def volunteer_pages(chinese_backend, django_db_setup):
    law = news_page(
        "志愿服务法",
        body="志愿服务组织开展志愿服务。志愿服务记录由志愿服务组织出具。鼓励志愿服务。",
    )
    other = news_page(
        "自然灾害救助条例",
        body="灾害发生后组织救助，鼓励开展志愿服务，依照本条例执行。" + "救助物资。" * 20,
    )
    scattered = news_page(
        "社区工作简报",
        body="社区志愿者参加便民服务活动。",
    )
    # As in a real library, many documents are 条例 on other subjects.
    for subject in ("失业保险", "信访工作", "社会救助", "基金会管理", "物业管理"):
        news_page(f"{subject}条例", body=f"为了规范{subject}，制定本条例。")
    return {"law": law, "other": other, "scattered": scattered}


def _ids(query):
    return [hit.id for hit in get_engine().search(SearchRequest(q=query)).hits]


def test_kind_word_on_another_subject_ranks_below_the_subject(volunteer_pages):
    ids = _ids("志愿服务条例")
    assert ids.index(volunteer_pages["law"].pk) < ids.index(volunteer_pages["other"].pk)


def test_a_word_found_only_in_parts_is_a_partial_match(volunteer_pages):
    resp = get_engine().search(SearchRequest(q="志愿服务"))
    by_id = {hit.id: hit for hit in resp.hits}
    assert not by_id[volunteer_pages["law"].pk].partial
    assert by_id[volunteer_pages["scattered"].pk].partial
    assert resp.hits[-1].id == volunteer_pages["scattered"].pk
