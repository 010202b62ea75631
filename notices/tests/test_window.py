"""The window rules on China's calendar: lengths in days and working days, across holidays."""

import datetime

import pytest

from notices import rules, window
from workdays.calendar import WorkingCalendar

D = datetime.date
CAL = WorkingCalendar()  # the package's calendar: 2024–2026 holidays and 调休 days known


def test_dibao_needs_seven_calendar_days_even_over_national_day():
    rule = rules.rule_for("dibao")
    assert window.earliest_end(rule, D(2025, 9, 30), CAL) == D(2025, 10, 6)
    assert window.window_errors(rule, D(2025, 9, 30), D(2025, 10, 6), CAL) == []
    errors = window.window_errors(rule, D(2025, 9, 30), D(2025, 10, 5), CAL)
    assert errors and "不少于 7 天" in errors[0] and "2025年10月6日" in errors[0]


def test_working_day_rule_skips_the_spring_festival():
    rule = rules.rule_for("tender")  # 3 working days
    # 2025-01-27 (Mon) is a working day; 28 Jan – 4 Feb is the 春节 holiday.
    assert window.earliest_end(rule, D(2025, 1, 27), CAL) == D(2025, 2, 6)
    assert window.length(rule.unit, D(2025, 1, 27), D(2025, 2, 6), CAL) == 3
    assert window.window_errors(rule, D(2025, 1, 27), D(2025, 2, 5), CAL)


def test_working_day_rule_counts_a_makeup_saturday():
    rule = rules.rule_for("tender")
    # 2024-10-12 (Sat) was a 调休 working day after National Day.
    assert CAL.is_working_day(D(2024, 10, 12))
    assert window.earliest_end(rule, D(2024, 10, 10), CAL) == D(2024, 10, 12)


def test_window_starting_on_a_holiday_does_not_count_that_day():
    rule = rules.rule_for("tender")
    # 2025-10-01 is a holiday: the three working days are 9, 10 and 11 October (11 is 调休).
    assert window.earliest_end(rule, D(2025, 10, 1), CAL) == D(2025, 10, 11)


def test_village_meeting_notice_ten_days_ahead():
    rule = rules.rule_for("meeting")
    assert window.earliest_end(rule, D(2026, 3, 1), CAL) == D(2026, 3, 11)
    errors = window.window_errors(rule, D(2026, 3, 1), D(2026, 3, 10), CAL)
    assert errors and "提前 10 天" in errors[0]


def test_end_before_start_and_missing_dates():
    rule = rules.rule_for("dibao")
    assert window.window_errors(rule, D(2026, 3, 5), D(2026, 3, 1), CAL) == [
        "结束日期不能早于开始日期。"
    ]
    assert window.window_errors(rule, None, D(2026, 3, 1), CAL)


def test_consultation_thirty_days_unless_a_reason_is_recorded():
    rule = rules.CONSULTATION
    assert window.window_errors(rule, D(2026, 1, 1), D(2026, 1, 30), CAL) == []
    assert window.window_errors(rule, D(2026, 1, 1), D(2026, 1, 29), CAL)
    assert (
        window.window_errors(rule, D(2026, 1, 1), D(2026, 1, 10), CAL, reason="汛期前须出台") == []
    )
    # a reason never excuses an end before the start
    assert window.window_errors(rule, D(2026, 1, 10), D(2026, 1, 1), CAL, reason="急")


@pytest.mark.parametrize(
    ("today", "state", "label"),
    [
        (D(2026, 2, 28), window.NOT_STARTED, "未开始（1 天后开始）"),
        (D(2026, 3, 1), window.OPEN, "公示中，还剩 7 天"),
        (D(2026, 3, 7), window.OPEN, "公示中，还剩 1 天"),
        (D(2026, 3, 8), window.CLOSED, "期满"),
    ],
)
def test_state_on_each_day(today, state, label):
    result = window.window_state(D(2026, 3, 1), D(2026, 3, 7), today)
    assert (result.state, result.label) == (state, label)


def test_every_rule_has_a_basis_and_a_positive_length():
    for rule in rules.RULES:
        assert rule.basis and rule.min_days > 0 and rule.label
