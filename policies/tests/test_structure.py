import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policies.structure import outline, split_to_stream, table_of_contents, units
from policies.text import int_to_chinese, split_policy_text


def test_split_to_stream_shapes_blocks():
    stream = split_to_stream("前言。\n第一章　总则\n第一条　目的。\n第二条　范围：\n（一）城市；")
    assert [kind for kind, _ in stream] == ["text", "chapter", "article", "article"]
    assert stream[3][1]["text"] == "范围：\n（一）城市；"
    assert split_to_stream("没有条文。") == [("text", "没有条文。")]
    assert split_to_stream("") == []


def test_outline_anchors_are_unique_and_toc_nests():
    stream = split_to_stream(
        "第一章　总则\n第一节　一般规定\n第一条　甲。\n第二章　附则\n第一节　其他\n第二条　乙。\n"
        "附件：实施细则\n第一条　细则甲。"
    )
    entries = outline(stream)
    anchors = [e.anchor for e in entries]
    assert len(anchors) == len(set(anchors))
    assert "chapter-2-section-1" in anchors and "article-1-r2" in anchors
    toc = table_of_contents(entries)
    assert [e.label for e in toc] == ["第一章", "第二章"]
    assert toc[0].sections[0].articles[0].anchor == "article-1"


def test_units_are_keyed_by_anchor():
    stream = split_to_stream("第一条　甲。\n第二条　乙。")
    assert units(stream) == [
        {"key": "article-1", "label": "第一条", "text": "甲。"},
        {"key": "article-2", "label": "第二条", "text": "乙。"},
    ]


_line = st.one_of(
    st.builds(
        lambda n, t: f"第{int_to_chinese(n)}条　{t}",
        st.integers(1, 150),
        st.text("甲乙丙，。", min_size=1, max_size=8),
    ),
    st.builds(lambda n: f"第{int_to_chinese(n)}章　总则", st.integers(1, 12)),
    st.builds(
        lambda n, t: f"（{int_to_chinese(n)}）{t}",
        st.integers(1, 20),
        st.text("丁戊", min_size=1, max_size=4),
    ),
    st.text("社区治理第条章节一二（）、. \n1", max_size=20),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_line, max_size=25))
def test_splitting_never_loses_text(lines):
    text = "\n".join(lines)
    result = split_policy_text(text)
    assert re.sub(r"\s", "", result.all_text()) == re.sub(r"\s", "", text)
