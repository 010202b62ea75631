import pytest

from taxonomy.doc_numbers import (
    DOC_NUMBER_RE,
    canonical_doc_number,
    doc_number_sort_key,
    doc_number_year,
    find_doc_numbers,
)


@pytest.mark.parametrize(
    "raw",
    [
        "成委发〔2017〕27号",
        "成委发[2017]27号",
        "成委发(2017)27号",
        "成委发（2017）27号",
        "成委发［2017］27号",
        "成委发【2017】27号",
        "成委发〔２０１７〕２７号",
        " 成委发 〔2017〕 27 号 ",
        "成委发\u3000[2017]\u300027号",
        "成委发〔2017〕第27号",
        "成委发〔2017〕027号",
        "成委发〔2017〕27號",
    ],
)
def test_variants_become_the_canonical_form(raw):
    assert canonical_doc_number(raw) == "成委发〔2017〕27号"


def test_canonical_form_is_stable():
    once = canonical_doc_number("国办发明电[2018]15号")
    assert once == "国办发明电〔2018〕15号"
    assert canonical_doc_number(once) == once


def test_decree_numbers_without_year_keep_their_di():
    assert canonical_doc_number("国令第 707 号") == "国令第707号"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "关于加强社区治理的意见",
        "2017年27号",
        "〔2017〕27号",
        "成委发〔17〕27号",
        "成委发〔2017〕号",
        "成委发〔1800〕3号",
        "成委发〔2017〕0号",
        "成委发〔2017〕27",
    ],
)
def test_text_that_is_not_a_document_number_is_rejected_in_chinese(bad):
    with pytest.raises(ValueError) as info:
        canonical_doc_number(bad)
    message = str(info.value)
    assert "发文字号" in message


def test_none_is_rejected():
    with pytest.raises(ValueError, match="不能为空"):
        canonical_doc_number(None)


def test_regex_matches_inside_text():
    assert DOC_NUMBER_RE.search("印发成委发〔2017〕27号文件")


def test_find_doc_numbers_in_a_search_query():
    query = "根据成委发[2017]27号和国办发（2019）6号的规定 国令第707号"
    assert find_doc_numbers(query) == ["成委发〔2017〕27号", "国办发〔2019〕6号", "国令第707号"]


def test_find_doc_numbers_deduplicates_and_handles_plain_queries():
    assert find_doc_numbers("成委发〔2017〕27号 成委发(2017)27号") == ["成委发〔2017〕27号"]
    assert find_doc_numbers("社区发展治理") == []
    assert find_doc_numbers("") == []
    assert find_doc_numbers(None) == []


def test_find_doc_numbers_skips_impossible_years():
    assert find_doc_numbers("某发〔1200〕1号") == []


def test_year_and_sort_key():
    assert doc_number_year("成委发〔2017〕27号") == 2017
    assert doc_number_year("国令第707号") is None
    numbers = ["国发〔2019〕27号", "国发〔2019〕9号", "国发〔2018〕100号"]
    assert sorted(numbers, key=doc_number_sort_key) == [
        "国发〔2018〕100号",
        "国发〔2019〕9号",
        "国发〔2019〕27号",
    ]
