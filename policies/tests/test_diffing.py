from policies.diffing import diff_articles, inline_diff


def _unit(key, label, text):
    return {"key": key, "label": label, "text": text}


def test_diff_reports_changed_added_and_removed_articles():
    old = [
        _unit("article-1", "第一条", "为了推进社区治理，制定本办法。"),
        _unit("article-2", "第二条", "本办法适用于本市。"),
        _unit("article-3", "第三条", "本办法自发布之日起施行。"),
    ]
    new = [
        _unit("article-1", "第一条", "为了推进社区治理，制定本办法。"),
        _unit("article-2", "第二条", "本办法适用于本市城乡社区。"),
        _unit("article-4", "第四条", "本办法由市民政局负责解释。"),
    ]
    changes = {c.key: c for c in diff_articles(old, new)}
    assert changes["article-1"].status == "unchanged"
    assert changes["article-2"].status == "changed"
    assert ("insert", "城乡社区") in changes["article-2"].segments
    assert changes["article-3"].status == "removed"
    assert changes["article-3"].old_text == "本办法自发布之日起施行。"
    assert changes["article-4"].status == "added"
    assert [c.key for c in diff_articles(old, new)] == [
        "article-1",
        "article-2",
        "article-3",
        "article-4",
    ]


def test_identical_versions_have_no_changes():
    units = [_unit("article-1", "第一条", "正文。")]
    assert not any(c.is_change for c in diff_articles(units, units))


def test_inline_diff_round_trips():
    old, new = "社区工作者每届任期三年。", "社区工作者每届任期五年，可以连任。"
    segments = inline_diff(old, new)
    assert "".join(t for op, t in segments if op != "insert") == old
    assert "".join(t for op, t in segments if op != "delete") == new
