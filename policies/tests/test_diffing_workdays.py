import datetime

from policies.diffing import diff_articles, inline_diff
from policies.workdays import add_working_days, working_days_between


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


def test_three_working_days_skip_the_weekend():
    friday = datetime.date(2026, 11, 20)
    assert add_working_days(friday, 3) == datetime.date(2026, 11, 25)
    assert working_days_between(friday, datetime.date(2026, 11, 25)) == 3
    assert working_days_between(friday, datetime.date(2026, 11, 24)) == 2


def test_holidays_and_make_up_workdays():
    start = datetime.date(2026, 9, 30)  # Wednesday before the National Day holiday
    holidays = [datetime.date(2026, 10, d) for d in range(1, 8)]
    assert add_working_days(start, 1, holidays=holidays) == datetime.date(2026, 10, 8)
    saturday = datetime.date(2026, 10, 10)
    assert add_working_days(datetime.date(2026, 10, 9), 1, workdays=[saturday]) == saturday
