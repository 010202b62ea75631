import json
import re

import pytest

from policies.text import (
    Article,
    Heading,
    TextBlock,
    chinese_to_int,
    int_to_chinese,
    parse_number,
    split_paragraphs,
    split_policy_text,
)
from tests.shared_files import shared_path


def _corpus():
    corpus = shared_path("corpora", "policy-corpus.jsonl")
    return {r["id"]: r for r in map(json.loads, corpus.read_text(encoding="utf-8").splitlines())}


def _squash(text):
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十一", 21),
        ("九十九", 99),
        ("一百", 100),
        ("一百零一", 101),
        ("一百一十", 110),
        ("一百一十五", 115),
        ("一百九十九", 199),
        ("两百", 200),
        ("二〇一七", 2017),
        ("零", 0),
        ("〇", 0),
        ("一千零五", 1005),
        ("貳拾參", 23),
    ],
)
def test_chinese_to_int(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "abc", "十百", "一二十", "条"])
def test_chinese_to_int_rejects_non_numerals(text):
    with pytest.raises(ValueError):
        chinese_to_int(text)


def test_int_to_chinese_round_trips_up_to_two_hundred():
    for n in range(0, 200):
        assert chinese_to_int(int_to_chinese(n)) == n
    assert int_to_chinese(12) == "十二"
    assert int_to_chinese(101) == "一百零一"
    assert int_to_chinese(110) == "一百一十"
    assert int_to_chinese(1005) == "一千零五"


def test_parse_number_accepts_arabic_and_fullwidth():
    assert parse_number("12") == 12
    assert parse_number("１２") == 12
    assert parse_number("十二") == 12


MULTI_CHAPTER = """成都市城乡社区发展治理促进办法（示例）
为了规范社区治理，制定本办法。
第一章　总则
第一条　为了推进城乡社区发展治理，根据有关法律法规，结合本市实际，制定本办法。
第二条　本办法适用于本市行政区域内的城乡社区。
第二章　治理主体
第一节　社区党组织
第三条　社区党组织应当履行下列职责：
（一）宣传和贯彻执行党的路线方针政策；
（二）讨论决定本社区建设中的重要问题；
（三）领导社区居民委员会。
第二节　居民委员会
第四条 居民委员会依照第三条规定开展工作。
第五条　居民委员会每届任期五年。
第三章　附则
第十二条　本办法自2018年1月1日起施行。
"""


def test_multi_chapter_text_becomes_chapters_sections_and_articles():
    result = split_policy_text(MULTI_CHAPTER)
    assert result.preamble == (
        "成都市城乡社区发展治理促进办法（示例）\n为了规范社区治理，制定本办法。"
    )
    chapters = [n for n in result.nodes if isinstance(n, Heading) and n.kind == "chapter"]
    assert [(c.number, c.title) for c in chapters] == [(1, "总则"), (2, "治理主体"), (3, "附则")]
    sections = [n for n in result.nodes if isinstance(n, Heading) and n.kind == "section"]
    assert [s.anchor for s in sections] == ["chapter-2-section-1", "chapter-2-section-2"]
    assert [a.number for a in result.articles] == [1, 2, 3, 4, 5, 12]
    assert result.articles[-1].anchor == "article-12"
    assert result.articles[-1].text == "本办法自2018年1月1日起施行。"


def test_items_inside_an_article():
    article = split_policy_text(MULTI_CHAPTER).articles[2]
    assert article.label == "第三条"
    assert [(p.label, p.level) for p in article.paragraphs] == [
        ("", 0),
        ("（一）", 1),
        ("（二）", 1),
        ("（三）", 1),
    ]
    assert article.paragraphs[2].text == "讨论决定本社区建设中的重要问题；"


def test_cross_reference_at_line_start_is_not_an_article():
    text = "第九条　前条所列事项如下。\n第二条第二项各款之事项，不得提案。\n第十条　附则。"
    result = split_policy_text(text)
    assert [a.number for a in result.articles] == [9, 10]
    assert "第二条第二项各款之事项" in result.articles[0].text


def test_traditional_articles_with_tiao():
    text = (
        "第十一條　社區應建立資料。\n第十二條　社區發展協會應訂定計畫：\n"
        "（一）新建活動中心。\n（二）社區綠化。"
    )
    result = split_policy_text(text)
    assert [a.anchor for a in result.articles] == ["article-11", "article-12"]
    assert result.articles[1].label == "第十二條"
    assert [p.label for p in result.articles[1].paragraphs] == ["", "（一）", "（二）"]


def test_articles_above_one_hundred():
    text = "\n".join(f"第{int_to_chinese(n)}条　内容{n}。" for n in range(1, 121))
    result = split_policy_text(text)
    assert [a.number for a in result.articles] == list(range(1, 121))
    assert result.articles[100].label == "第一百零一条"


def test_text_without_articles_is_kept_whole():
    text = (
        "一、总体要求\n以社区为单位推进治理。\n（一）坚持党建引领。\n二、保障措施\n加强组织领导。"
    )
    result = split_policy_text(text)
    assert result.nodes == []
    assert result.has_structure is False
    assert result.preamble == text


def test_empty_text():
    result = split_policy_text("")
    assert result.preamble == "" and result.nodes == []


def test_numbered_lines_with_arabic_items_and_nesting():
    paragraphs = split_paragraphs(
        "如下：\n一、公共設施：\n（一）活動中心。\n1. 新建\n二、福利建設。"
    )
    assert [(p.label, p.level) for p in paragraphs] == [
        ("", 0),
        ("一、", 1),
        ("（一）", 2),
        ("1.", 3),
        ("二、", 1),
    ]


@pytest.mark.parametrize(
    "record_id", ["cl-sociallaw-5", "tw-D0050077", "tw-D0020050", "gov-032", "gov-001", "gov-047"]
)
def test_corpus_texts_lose_nothing(record_id):
    body = _corpus()[record_id]["body"]
    result = split_policy_text(body)
    assert _squash(result.all_text()) == _squash(body)


def test_every_corpus_text_loses_nothing():
    for record_id, record in _corpus().items():
        result = split_policy_text(record["body"])
        assert _squash(result.all_text()) == _squash(record["body"]), record_id


def test_simplified_law_from_corpus():
    result = split_policy_text(_corpus()["cl-sociallaw-5"]["body"])
    numbers = [a.number for a in result.articles]
    assert numbers == list(range(1, len(numbers) + 1))
    assert result.headings[0].title == "总则"
    fourth = result.articles[3]
    assert [p.label for p in fourth.paragraphs if p.label][:2] == ["（一）", "（二）"]


def test_traditional_law_with_spaced_arabic_numbers_and_sub_articles():
    result = split_policy_text(_corpus()["tw-D0020050"]["body"])
    assert result.articles[0].label == "第 1 條"
    assert result.headings[0].title == "總則"
    anchors = [a.anchor for a in result.articles]
    assert len(anchors) == len(set(anchors))
    # Article 10 quotes "第二條第二項" at the start of a line: not an article.
    tenth = next(a for a in result.articles if a.number == 10)
    assert tenth.paragraphs[0].text.startswith("第二條第二項各款之事項")
    sub_articles = split_policy_text(_corpus()["tw-D0050078"]["body"]).articles
    assert "article-5-1" in [a.anchor for a in sub_articles]


def test_government_notice_with_attached_rules_keeps_notice_as_preamble():
    result = split_policy_text(_corpus()["gov-032"]["body"])
    assert "国发〔2018〕41号" in result.preamble
    assert result.articles[0].number == 1
    assert isinstance(result.nodes[0], Heading)


def test_chapters_without_articles_keep_their_text():
    result = split_policy_text(_corpus()["gov-047"]["body"])
    assert not result.articles
    assert [h.number for h in result.headings] == list(range(1, 11))
    assert any(isinstance(n, TextBlock) and "国务院由下列人员组成" in n.text for n in result.nodes)


def test_article_type_is_exported():
    assert isinstance(split_policy_text("第一条　总则。").articles[0], Article)
