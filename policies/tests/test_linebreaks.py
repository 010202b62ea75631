"""Joining the hard line breaks of fixed-width texts, never real paragraph breaks."""

from policies.text.linebreaks import join_hard_breaks, wrap_width

# Wrapped at 64 columns (32 CJK characters), the way the Taiwan law database's old texts are.
WRAPPED = """第 2 條
本辦法所稱公寓大廈係指供住宅、商業及住商混合使用之區分所有建築物
。所稱社區係指數幢公寓大廈、住宅，依本辦法規定，聯合設置有守望相
助巡守組織之地區。
第 4 條
直轄市、縣 (市) 政府為督導推行民間守望相助工作，應成立民間守望相
助規劃輔導組，由直轄市、縣 (市) 長擔任召集人，警察局長為執行秘書
，由警政、工務、建設、民政、國宅、社會、教育、環保、衛生等目的事
業主管機關之主管人員組成。
民間守望相助規劃輔導組應視治安需要，或應地區住戶之請求，核定守望
相助設置地區。
第 7 條
公寓大廈管理委員會、社區守望相助委員會之任務，如左：
一、規劃維護公寓大廈、社區內之各項公共安全及環境衛生事項。
二、促進公寓大廈、社區內住戶之友誼與互助及排解糾紛。"""


def test_wrapped_lines_become_paragraphs():
    lines = join_hard_breaks(WRAPPED).splitlines()
    assert lines[1] == (
        "本辦法所稱公寓大廈係指供住宅、商業及住商混合使用之區分所有建築物。"
        "所稱社區係指數幢公寓大廈、住宅，依本辦法規定，聯合設置有守望相助巡守組織之地區。"
    )
    assert not any(line.startswith(("。", "，")) for line in lines)


def test_real_paragraph_breaks_headings_and_items_stay():
    lines = join_hard_breaks(WRAPPED).splitlines()
    assert lines[0] == "第 2 條" and lines[2] == "第 4 條"
    # Article 4 has two paragraphs (項): the first ends short with 。, the second starts anew.
    assert lines[3].endswith("之主管人員組成。")
    assert (
        lines[4] == "民間守望相助規劃輔導組應視治安需要，或應地區住戶之請求，核定守望相助設置地區。"
    )
    assert lines[5] == "第 7 條"
    assert lines[6].endswith("如左：")
    assert lines[7].startswith("一、") and lines[8].startswith("二、")
    assert len(lines) == 9


def test_a_full_line_that_ends_a_sentence_is_not_joined():
    text = "\n".join(
        [
            "甲" * 31 + "。",
            "乙" * 32,
            "丙" * 32,
            "丁" * 10 + "。",
        ]
    )
    assert join_hard_breaks(text).splitlines() == [
        "甲" * 31 + "。",
        "乙" * 32 + "丙" * 32 + "丁" * 10 + "。",
    ]


def test_unwrapped_text_is_left_exactly_as_it_was():
    text = (
        "　　各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "　　现将《方案》印发给你们，请认真贯彻执行。\n"
        "一、总体要求\n"
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，切实转变监管理念\n"
        "（一）坚持全面覆盖。\n"
        "\n"
        "国务院\n"
    )
    assert wrap_width([line for line in text.splitlines() if line]) is None
    assert join_hard_breaks(text) == text.rstrip("\n")


def test_a_line_starting_with_closing_punctuation_joins_even_in_unwrapped_text():
    assert join_hard_breaks("推进市域治理体系建设\n。下一步") == "推进市域治理体系建设。下一步"


def test_a_heading_never_takes_the_next_line_and_references_are_not_headings():
    reference = "第六条至第十三条所订事项应载明于前项规约中，作为" + "丙" * 8
    text = "\n".join(["第十四条", "乙" * 32, "乙" * 32, reference, "内容。"])
    lines = join_hard_breaks(text).splitlines()
    assert lines[0] == "第十四条"
    # 第六条至… is a cross-reference continuing the wrapped paragraph, not a new article.
    assert lines[1:] == ["乙" * 64 + reference + "内容。"]


def test_latin_words_cut_by_the_wrap_get_their_space_back_and_blank_lines_stay():
    text = "\n".join(["甲" * 30 + "ICP", "filing" + "乙" * 29, "丙" * 32, "", "丁"])
    out = join_hard_breaks(text)
    assert "ICP filing" in out and out.endswith("\n\n丁")


def test_empty_input():
    assert join_hard_breaks("") == "" and join_hard_breaks(None) == ""
