"""Unit tests of the Chinese analysis layer on real seed text (no database needed)."""

import pytest

from search.analysis import Analyzer, Synonyms, clean, docnumbers, fold
from search.analysis.normalize import strip_controls, strip_pinyin_noise
from tests.shared_files import shared_path


def seed(prefix):
    seeds = shared_path("seeds")
    matches = sorted(seeds.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"seed {prefix} not found in {seeds}", pytrace=False)
    return matches[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer([["社治委", "城乡社区发展治理委员会"], ["网格员", "网格管理员"]])


def finds(analyzer, query, text):
    return analyzer.parse_query(query).matches(analyzer.index_tokens(text))


# -- normalization ----------------------------------------------------------------------------
def test_pinyin_noise_removed_but_real_brackets_kept():
    text = "青羊區(qū)《社區工作人才發展規劃(2017-2020年)》（一）區(市)縣 堅(jiān)持"
    cleaned = strip_pinyin_noise(clean(text))
    assert "(qū)" not in cleaned and "(jiān)" not in cleaned
    assert "青羊區《" in cleaned and "堅持" in cleaned
    assert "(2017-2020年)" in cleaned
    assert "(一)" in cleaned  # full-width brackets fold to ASCII but stay
    assert "區(市)縣" in cleaned


def test_pinyin_noise_in_seed_002_is_gone_everywhere():
    cleaned = clean(seed("002"))
    assert "(qū)" not in cleaned and "(dǎng)" not in cleaned and "(fā)" not in cleaned
    assert "青羊區深入貫徹黨的十九大精神" in cleaned


def test_width_folding_controls_and_case():
    assert fold("ＡＢＣ１２３　社區") == "abc123 社区"
    assert strip_controls("社\x00区\u200b治\x07理") == "社区治理"
    assert fold("推进市域治理体\n系") == "推进市域治理体系"  # hard wrap inside a word


def test_traditional_folds_to_simplified():
    assert fold("社區發展治理") == fold("社区发展治理") == "社区发展治理"


# -- matching on real seeds -------------------------------------------------------------------
@pytest.mark.parametrize(
    "prefix, queries",
    [
        ("000", ["简阳", "簡陽", "1+6+N", "1+3+N", "党建引领", "社会企业"]),
        ("001", ["咸宁", "鹹寧", "四务公开", "“四务”公开", "市域治理体系", "六联六带"]),
        ("002", ["社区发展治理", "青羊区", "青羊區", "三提三增三营造", "网格", "社區"]),
        ("003", ["城乡社区", "城鄉社區", "试点示范", "三年行动计划", "李丹"]),
        ("004", ["社区发展治理", "社區發展治理", "社治委", "30条", "四个结合", "发展治理委员会"]),
    ],
)
def test_seed_words_found_in_either_script(analyzer, prefix, queries):
    tokens = analyzer.index_tokens(seed(prefix))
    for query in queries:
        assert analyzer.parse_query(query).matches(tokens), query


def test_absent_words_are_not_found(analyzer):
    tokens = analyzer.index_tokens(seed("004"))
    for query in ["咸宁", "简阳", "成委发〔2017〕27号", "1+3+N", "龙胜风电"]:
        assert not analyzer.parse_query(query).matches(tokens), query


def test_pinyin_noise_does_not_split_words(analyzer):
    tokens = analyzer.index_tokens("青羊區(qū)社區(qū)發(fā)展治理")
    assert "社区发展治理" in tokens
    assert "qū" not in tokens and "qu" not in tokens


def test_compound_parts_and_whole_words_both_find(analyzer):
    text = "成都市推进城乡社区发展治理"
    for query in ["城乡社区发展治理", "社区发展治理", "社区", "治理", "城乡社区"]:
        assert finds(analyzer, query, text), query
    assert not finds(analyzer, "社区营造", text)


def test_mixed_latin_and_numbers(analyzer):
    text = "构建“1+3+N”警务模式，打造15分钟社区生活服务圈，出台“30条”"
    assert finds(analyzer, "1+3+N", text)
    assert finds(analyzer, "1+3+n", text)
    assert not finds(analyzer, "1+6+N", text)
    assert finds(analyzer, "15分钟", text)
    assert finds(analyzer, "30条", text)
    assert not finds(analyzer, "20分钟", text)


def test_punctuation_inside_terms(analyzer):
    text = "圩洋村坚持“四务”公开，群众满意"
    assert finds(analyzer, "四务公开", text)
    assert finds(analyzer, "“四务”公开", text)
    assert finds(analyzer, "四務公開", text)


def test_exact_phrase_requires_adjacency(analyzer):
    text = "统筹城乡社区发展治理，推进社区营造"
    assert finds(analyzer, '"城乡社区发展"', text)
    assert finds(analyzer, '"城鄉社區 發展"', text)
    assert not finds(analyzer, '"社区城乡"', text)
    assert finds(analyzer, "社区城乡", text)  # without quotes the words may be in any order


def test_single_character_query(analyzer):
    assert finds(analyzer, "村", "圩洋村坚持公开")
    assert not finds(analyzer, "镇", "圩洋村坚持公开")


# -- synonyms ---------------------------------------------------------------------------------
def test_synonyms_expand_both_directions(analyzer):
    long_name = "成都市设立城乡社区发展治理委员会"
    short_name = "由社治委统筹"
    assert finds(analyzer, "社治委", long_name)
    assert finds(analyzer, "城乡社区发展治理委员会", short_name)
    assert finds(analyzer, "網格管理員", "社区网格员上门服务")
    assert not Analyzer().parse_query("社治委").matches(Analyzer().index_tokens(long_name))


def test_synonym_groups_merge_and_fold():
    synonyms = Synonyms({"社治委": ["城鄉社區發展治理委員會"]})
    synonyms.add_group(["城乡社区发展治理委员会", "社区治理委"])
    assert set(synonyms.get("社治委")) == {"城乡社区发展治理委员会", "社区治理委"}
    assert synonyms.get("无关词") == ()
    assert len(synonyms) == 1


# -- document numbers -------------------------------------------------------------------------
VARIANTS = [
    "成委发[2017]27号",
    "成委发(2017)27号",
    "成委发〔2017〕27号",
    "成委发（2017）27号",
    "成委發〔2017〕27號",
    "成委发【2017】027号",
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_doc_number_variants_are_one_token(analyzer, variant):
    plan = analyzer.parse_query(variant)
    assert plan.only_doc_number == "成委发〔2017〕27号"
    assert plan.matches(analyzer.index_tokens("根据成委发〔2017〕27号文件精神"))
    assert plan.matches(analyzer.index_tokens("（成委发[2017]27号）"))
    assert not plan.matches(analyzer.index_tokens("成委发〔2017〕28号"))
    assert not plan.matches(analyzer.index_tokens("成委发〔2018〕27号"))


def test_doc_number_token_has_only_letters_and_digits():
    assert docnumbers.doc_token("成委发〔2017〕27号") == "成委发2017n27号"


def test_doc_number_with_other_words(analyzer):
    plan = analyzer.parse_query("成委发〔2017〕27号 社区")
    assert plan.doc_numbers == ["成委发〔2017〕27号"]
    assert plan.only_doc_number is None
    assert plan.matches(analyzer.index_tokens("成委发〔2017〕27号 社区治理"))


# -- hostile queries --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '""',
        "NEAR(a b)",
        "a AND OR NOT",
        "*",
        ":",
        "\x00\x01",
        "😀😀",
        "'; DROP TABLE wagtailcore_page; --",
        "title:社区",
        "社区" * 2500,
    ],
)
def test_hostile_queries_give_safe_plans(analyzer, query):
    plan = analyzer.parse_query(query)
    for token in plan.all_tokens():
        assert token and all(ch.isalnum() for ch in token), token
    assert len(plan.groups) <= 24


def test_long_query_is_truncated(analyzer):
    plan = analyzer.parse_query("社区" * 2500)
    assert plan.truncated


def test_one_way_mappings_expand_only_forward_and_never_merge():
    synonyms = Synonyms()
    synonyms.add_mapping("看病报销", ["医疗救助", "医疗费用"])
    synonyms.add_mapping("大病", ["医疗救助"])
    assert synonyms.get("看病报销") == ("医疗救助", "医疗费用")
    assert synonyms.get("医疗救助") == ()
    assert synonyms.get("大病") == ("医疗救助",)


def test_question_words_are_dropped_but_a_bare_question_word_is_kept():
    plan = Analyzer().parse_query("低保怎么申请")
    assert [g.alternatives[0].tokens for g in plan.groups] == [("低保",), ("申请",)]
    assert plan.dropped == ["怎么"]
    assert Analyzer().parse_query("什么").groups


def test_shipped_vocabulary_rows_are_well_formed():
    from search.vocabulary import read_vocabulary

    rows = read_vocabulary()
    assert len(rows) >= 200
    words = [word for word, _official, _source in rows]
    assert len(words) == len(set(words)), "an everyday word is listed twice"
    assert all(official and source for _word, official, source in rows)
    assert ("低保", ["最低生活保障"]) in [(w, o) for w, o, _s in rows]
