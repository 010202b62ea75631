"""Snippet highlighting: matches in <mark>, everything else escaped, original script kept."""

from search.analysis import Analyzer
from search.highlight import highlight_title, snippet

analyzer = Analyzer()


def terms(query):
    plan = analyzer.parse_query(query)
    return plan.highlight_terms(), plan.doc_numbers


def test_simplified_query_marks_traditional_text():
    words, numbers = terms("社区发展治理")
    html = snippet("統籌城鄉社區(qū)發展治理，啟動改革", words, numbers)
    assert "<mark>社區發展治理</mark>" in html
    assert "(qū)" not in html


def test_markup_from_content_is_escaped():
    words, numbers = terms("公开")
    html = snippet('<script>alert(1)</script><b onclick="x">村务公开</b>', words, numbers)
    assert "<script>" not in html and "<b" not in html
    assert "&lt;script&gt;" in html
    assert "村务<mark>公开</mark>" in html


def test_quote_marks_inside_term():
    words, numbers = terms("四务公开")
    assert "<mark>四务”公开</mark>" in snippet("圩洋村坚持“四务”公开", words, numbers)


def test_doc_number_variant_marked():
    words, numbers = terms("成委发〔2017〕27号")
    html = snippet("根据成委发(2017)27号文件", words, numbers)
    assert "<mark>成委发(2017)27号</mark>" in html


def test_window_and_ellipsis():
    text = "甲" * 300 + "网格员" + "乙" * 300
    words, numbers = terms("网格员")
    html = snippet(text, words, numbers, length=60)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>网格员</mark>" in html
    assert len(html) < 120


def test_no_match_gives_plain_start():
    html = snippet("<i>简阳</i>" + "文" * 200, ["咸宁"], length=20)
    assert html.startswith("&lt;i&gt;简阳") and "<mark>" not in html


def test_title_highlight():
    words, numbers = terms("社區")
    assert highlight_title("城乡社区 & 治理", words, numbers) == "城乡<mark>社区</mark> &amp; 治理"
