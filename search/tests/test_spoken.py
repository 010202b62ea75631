"""Issue 31: queries as people say or type them — spoken questions and situations, pinyin,
conditions in words — and a page that is never empty when the site holds the answer."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from search.analysis import constraints, pinyin
from search.engine import SearchRequest, get_engine
from search.engine.understand import AUTHORITIES_KEY
from search.tests.factories import authority, news_page, policy_doc
from search.vocabulary import (
    SITUATIONS_FILE,
    SPOKEN_FILE,
    read_vocabulary,
)

TODAY = datetime.date(2026, 12, 7)
UNEMPLOYMENT = (
    "第一条 为了保障失业人员失业期间的基本生活，制定本条例。\n"
    "第十四条 具备下列条件的失业人员，可以领取失业保险金：按照规定参加失业保险，"
    "所在单位和本人已按照规定履行缴费义务满1年的；非因本人意愿中断就业的。"
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dibao", "低保"),
        ("di bao shen qing", "低保申请"),
        ("yi bao bao xiao", "医保报销"),
        ("linshijiuzhu", "临时救助"),
        ("shjz", "社会救助"),
        ("低bao怎么申请", "低保怎么申请"),
        ("ＤＩＢＡＯ", "低保"),
    ],
)
def test_pinyin_is_read_as_the_words_it_spells(typed, meant):
    text, changes = pinyin.convert(typed)
    assert text == meant and changes


@pytest.mark.parametrize("typed", ["pdf", "ocr", "app", "国发〔2019〕5号", "社区治理"])
def test_what_is_not_pinyin_is_left_alone(typed):
    assert pinyin.convert(typed) == (typed, [])


def test_conditions_in_words_are_taken_out_and_named():
    found = constraints.parse(
        "国办2019年发的关于医院的文件现行有效", ["国务院", "国务院办公厅"], {"国办": "国务院办公厅"}
    )
    assert (found.year_from, found.year_to, found.validity) == (2019, 2019, "有效")
    assert found.authorities == ["国务院办公厅"]
    assert found.labels == ["2019年", "现行有效", "国务院办公厅"]
    assert "2019" not in found.text and "现行有效" not in found.text and "医院" in found.text


@pytest.mark.parametrize(
    ("query", "low", "high", "label"),
    [
        ("2020年以后的养老政策", 2020, None, "2020年以后"),
        ("2005年以前关于粮食的文件", None, 2005, "2005年以前"),
        ("去年的低保通知", 2025, 2025, "2025年"),
        ("最近几年志愿服务", 2023, None, "2023年以后"),
    ],
)
def test_periods_in_words(query, low, high, label):
    found = constraints.parse(query, today=TODAY)
    assert (found.year_from, found.year_to, found.labels) == (low, high, [label])


def test_a_document_number_year_is_not_a_condition():
    for query in ("国发〔2019〕5号", "国发2019年5号"):
        assert not constraints.parse(query, today=TODAY)


def test_situation_and_dialect_tables_are_data_with_sources():
    situations = read_vocabulary(SITUATIONS_FILE)
    spoken = read_vocabulary(SPOKEN_FILE)
    assert len(situations) >= 300 and len(spoken) >= 50
    assert all(source and official for _w, official, source in situations + spoken)


@pytest.fixture
def corpus(chinese_backend, django_db_setup):
    split_to_stream = pytest.importorskip("policies.structure").split_to_stream
    cache.delete(AUTHORITIES_KEY)
    office = authority("国务院办公厅")
    council = authority("国务院")
    return {
        "unemployment": policy_doc(
            "失业保险条例",
            stream=split_to_stream(UNEMPLOYMENT),
            published_date=datetime.date(1999, 1, 22),
            issuing_authorities=[council],
        ),
        "hospital_2019": policy_doc(
            "关于加强三级公立医院绩效考核工作的意见",
            body="医院绩效考核指标体系由医疗质量、运营效率组成。",
            published_date=datetime.date(2019, 1, 16),
            issuing_authorities=[office],
        ),
        "hospital_2004": policy_doc(
            "关于医院管理年活动的通知",
            body="在全国医院开展以病人为中心的医院管理年活动，加强医院绩效考核。",
            published_date=datetime.date(2004, 5, 1),
            issuing_authorities=[council],
        ),
        "others": [
            news_page(title, body=body)
            for title, body in (
                ("社区食堂开张", "老年人在社区食堂用餐。"),
                ("河道清淤工程", "村里组织清理河道淤泥。"),
                ("垃圾分类进社区", "志愿者指导居民垃圾分类。"),
            )
        ],
    }


def search(query, **params):
    return get_engine().search(SearchRequest(q=query, **params))


@pytest.mark.django_db
def test_a_long_spoken_question_is_never_empty(corpus):
    # Most words of the question are in no document; the one that is still finds it.
    resp = search("厂里头效益不好俺被裁了，以前交过失业保险，俺这种情况到底能领几个月钱啊")
    assert resp.hits and resp.hits[0].title == "失业保险条例"


@pytest.mark.django_db
def test_something_the_site_does_not_hold_finds_nothing(corpus):
    assert search("出国护照到期咋换").count == 0


@pytest.mark.django_db
def test_conditions_lift_the_documents_that_meet_them(corpus):
    resp = search("2019年国务院办公厅关于医院绩效考核的文件")
    assert [h.title for h in resp.hits][:1] == ["关于加强三级公立医院绩效考核工作的意见"]
    assert resp.applied == ["2019年", "国务院办公厅"]
    literal = search("2019年国务院办公厅关于医院绩效考核的文件", literal=True)
    assert literal.applied == [] and literal.searched_as == ""


@pytest.mark.django_db
def test_pinyin_search_finds_the_document_and_says_it_guessed(corpus):
    resp = search("shiye baoxian")
    assert resp.hits[0].title == "失业保险条例"
    assert resp.searched_as == "失业保险"
    assert resp.did_you_mean[0]["query"] == "失业保险"


@pytest.mark.django_db
def test_the_page_shows_conditions_validity_and_folds_the_filters(client, corpus):
    html = BeautifulSoup(
        client.get("/search/", {"q": "2019年国务院办公厅关于医院绩效考核的文件"}).content.decode(),
        "html.parser",
    )
    applied = html.select_one(".applied")
    assert "已按：2019年 · 国务院办公厅" in applied.get_text()
    assert "literal=1" in applied.a["href"]
    assert html.select_one(".result .validity").get_text() == "有效"
    # Facets and tips are inside one closed 筛选 control.
    details = html.select_one("details.search-filter")
    assert details is not None and not details.has_attr("open")
    assert details.select(".search-facets") and details.select_one(".search-hint")
    assert "筛选" in details.summary.get_text()


@pytest.mark.django_db
def test_a_title_match_opens_the_top_of_the_document(corpus):
    resp = search("失业保险条例")
    assert "#" not in resp.hits[0].url
    article = search("失业保险金领取条件 缴费满1年")
    assert "#" in article.hits[0].url


@pytest.mark.django_db
def test_weak_results_offer_to_leave_a_message(client, corpus):
    html = BeautifulSoup(
        client.get("/search/", {"q": "宠物狗 社区食堂 办证"}).content.decode(), "html.parser"
    )
    link = html.find("a", string="没找到？向有关部门留言")
    assert link is not None and "title=" in link["href"]
    page = client.get(link["href"])
    form = BeautifulSoup(page.content.decode(), "html.parser")
    assert form.select_one("input[name=title]")["value"] == "宠物狗 社区食堂 办证"
