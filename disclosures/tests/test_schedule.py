"""Periods and overdue rules per category."""

from datetime import date

import pytest

from disclosures.schedule import (
    FINANCE,
    MONTH,
    PARTY,
    QUARTER,
    SERVICE,
    VILLAGE,
    YEAR,
    Period,
    PeriodError,
    disclosure_deadline,
    latest_required_period,
    matter_status,
    overdue_status,
    period_bounds,
    period_containing,
    required_interval,
)
from workdays.calendar import PACKAGE_ONLY

# China's calendar from the package alone: these tests do not read the admin's holiday table.
CAL = {"calendar": PACKAGE_ONLY}


def test_period_bounds_and_labels():
    assert period_bounds(MONTH, 2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_bounds(QUARTER, 2023, 4) == (date(2023, 10, 1), date(2023, 12, 31))
    assert period_bounds(YEAR, 2024) == (date(2024, 1, 1), date(2024, 12, 31))
    assert Period(QUARTER, 2024, 1).label == "2024年第一季度"
    assert Period(MONTH, 2024, 11).label == "2024年11月"
    assert Period(YEAR, 2024).label == "2024年度"
    with pytest.raises(PeriodError, match="月份 13"):
        period_bounds(MONTH, 2024, 13)
    with pytest.raises(PeriodError, match="季度 5"):
        period_bounds(QUARTER, 2024, 5)


def test_previous_period_wraps_years():
    assert Period(MONTH, 2024, 1).previous() == Period(MONTH, 2023, 12)
    assert Period(QUARTER, 2024, 1).previous() == Period(QUARTER, 2023, 4)
    assert period_containing(QUARTER, date(2024, 8, 15)) == Period(QUARTER, 2024, 3)


def test_required_interval_per_category():
    assert required_interval(FINANCE, MONTH) == MONTH
    assert required_interval(FINANCE, QUARTER) == QUARTER
    for category in (PARTY, VILLAGE, SERVICE):
        assert required_interval(category, MONTH) == QUARTER
    with pytest.raises(ValueError):
        required_interval("other")


def test_latest_required_period_respects_grace_working_days():
    # Q1 2024 ends 31 March; 10 working days later (Qingming 4–6 April off, Sunday 7 April
    # worked as 调休) it is due by Monday 15 April.
    assert latest_required_period(QUARTER, date(2024, 4, 15), **CAL) == Period(QUARTER, 2023, 4)
    assert latest_required_period(QUARTER, date(2024, 4, 16), **CAL) == Period(QUARTER, 2024, 1)
    assert latest_required_period(MONTH, date(2024, 3, 15), **CAL) == Period(MONTH, 2024, 2)
    assert latest_required_period(MONTH, date(2024, 3, 14), **CAL) == Period(MONTH, 2024, 1)


def q(year, n):
    return Period(QUARTER, year, n).start, Period(QUARTER, year, n).end


def m(year, n):
    return Period(MONTH, year, n).start, Period(MONTH, year, n).end


def test_quarterly_category_overdue_after_grace():
    covered = [q(2024, 1)]
    assert not overdue_status(PARTY, covered, date(2024, 7, 12), **CAL).overdue
    status = overdue_status(PARTY, covered, date(2024, 7, 25), **CAL)
    assert status.overdue
    assert status.required == Period(QUARTER, 2024, 2)
    assert status.days_late == 13
    assert status.message == "逾期：2024年第二季度应于2024年7月12日前公开，已超过 13 天"


def test_national_day_does_not_count_towards_the_grace():
    # Q3 2024 ends Monday 30 September; 1–7 October are off and Saturday 12 October is a
    # 调休 working day, so the tenth working day is Friday 18 October (not 10 October).
    covered = [q(2024, 2)]
    assert disclosure_deadline(Period(QUARTER, 2024, 3), **CAL) == date(2024, 10, 18)
    assert not overdue_status(VILLAGE, covered, date(2024, 10, 10), **CAL).overdue
    assert not overdue_status(VILLAGE, covered, date(2024, 10, 18), **CAL).overdue
    late = overdue_status(VILLAGE, covered, date(2024, 10, 19), **CAL)
    assert late.overdue and late.message == (
        "逾期：2024年第三季度应于2024年10月18日前公开，已超过 1 天"
    )


def test_spring_festival_does_not_count_towards_the_grace():
    # January 2025 finances: 28 Jan–4 Feb are the Spring Festival holiday, Saturday 8 Feb is
    # a 调休 working day; the tenth working day after 31 January is Monday 17 February.
    covered = [m(2024, 12)]
    assert disclosure_deadline(Period(MONTH, 2025, 1), **CAL) == date(2025, 2, 17)
    on_time = overdue_status(FINANCE, covered, date(2025, 2, 17), finance_interval=MONTH, **CAL)
    assert not on_time.overdue
    late = overdue_status(FINANCE, covered, date(2025, 2, 18), finance_interval=MONTH, **CAL)
    assert late.overdue and late.required.label == "2025年1月"


def test_monthly_finances_need_each_month():
    covered = [m(2024, 1), m(2024, 2)]
    monthly = {"finance_interval": MONTH, **CAL}
    quarterly = {"finance_interval": QUARTER, **CAL}
    assert not overdue_status(FINANCE, covered, date(2024, 4, 15), **monthly).overdue
    late = overdue_status(FINANCE, covered, date(2024, 4, 16), **monthly)
    assert late.overdue and late.required.label == "2024年3月"
    # The same history satisfies a quarterly-finance village until Q1 is due.
    assert overdue_status(FINANCE, covered, date(2024, 4, 15), **quarterly).overdue is False
    assert overdue_status(FINANCE, covered, date(2024, 4, 16), **quarterly).overdue


def test_monthly_disclosures_satisfy_a_quarterly_rule():
    assert not overdue_status(VILLAGE, [m(2024, 3)], date(2024, 5, 1), **CAL).overdue
    assert overdue_status(VILLAGE, [m(2024, 2)], date(2024, 5, 1), **CAL).overdue


def test_year_disclosure_covers_its_last_quarter():
    year = Period(YEAR, 2023)
    assert not overdue_status(SERVICE, [(year.start, year.end)], date(2024, 1, 20), **CAL).overdue


def test_no_disclosure_at_all_is_overdue_unless_tracking_started_later():
    assert overdue_status(SERVICE, [], date(2024, 5, 1), **CAL).overdue
    assert not overdue_status(
        SERVICE, [], date(2024, 5, 1), tracking_since=date(2024, 4, 1), **CAL
    ).overdue
    assert overdue_status(
        SERVICE, [], date(2024, 7, 20), tracking_since=date(2024, 4, 1), **CAL
    ).overdue


def test_single_matter_must_be_immediate():
    # 1–5 May 2024 are the Labour Day holiday: five working days after 1 May end on 10 May.
    on_time = matter_status(date(2024, 5, 1), date(2024, 5, 10), date(2024, 6, 1), **CAL)
    assert not on_time.late
    late = matter_status(date(2024, 5, 1), date(2024, 5, 13), date(2024, 6, 1), **CAL)
    assert late.late and late.days_late == 3
    assert late.message == "应于2024年5月10日前公开，已超过 3 天"
    pending = matter_status(date(2024, 5, 1), None, date(2024, 5, 12), **CAL)
    assert pending.late and pending.days_late == 2
