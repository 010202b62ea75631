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
    latest_required_period,
    matter_status,
    overdue_status,
    period_bounds,
    period_containing,
    required_interval,
)


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


def test_latest_required_period_respects_grace_days():
    # Q1 ends 31 March; with 10 days' grace it is due by 10 April.
    assert latest_required_period(QUARTER, date(2024, 4, 10)) == Period(QUARTER, 2023, 4)
    assert latest_required_period(QUARTER, date(2024, 4, 11)) == Period(QUARTER, 2024, 1)
    assert latest_required_period(MONTH, date(2024, 3, 11)) == Period(MONTH, 2024, 2)
    assert latest_required_period(MONTH, date(2024, 3, 10)) == Period(MONTH, 2024, 1)


def q(year, n):
    return Period(QUARTER, year, n).start, Period(QUARTER, year, n).end


def m(year, n):
    return Period(MONTH, year, n).start, Period(MONTH, year, n).end


def test_quarterly_category_overdue_after_grace():
    covered = [q(2024, 1)]
    assert not overdue_status(PARTY, covered, date(2024, 7, 10)).overdue
    status = overdue_status(PARTY, covered, date(2024, 7, 25))
    assert status.overdue
    assert status.required == Period(QUARTER, 2024, 2)
    assert status.days_late == 15
    assert status.message == "逾期：2024年第二季度应于2024年7月10日前公开，已超过 15 天"


def test_monthly_finances_need_each_month():
    covered = [m(2024, 1), m(2024, 2)]
    assert not overdue_status(FINANCE, covered, date(2024, 4, 10), finance_interval=MONTH).overdue
    late = overdue_status(FINANCE, covered, date(2024, 4, 11), finance_interval=MONTH)
    assert late.overdue and late.required.label == "2024年3月"
    # The same history satisfies a quarterly-finance village until Q1 is due.
    assert (
        overdue_status(FINANCE, covered, date(2024, 4, 10), finance_interval=QUARTER).overdue
        is False
    )
    assert overdue_status(FINANCE, covered, date(2024, 4, 11), finance_interval=QUARTER).overdue


def test_monthly_disclosures_satisfy_a_quarterly_rule():
    assert not overdue_status(VILLAGE, [m(2024, 3)], date(2024, 5, 1)).overdue
    assert overdue_status(VILLAGE, [m(2024, 2)], date(2024, 5, 1)).overdue


def test_year_disclosure_covers_its_last_quarter():
    year = Period(YEAR, 2023)
    assert not overdue_status(SERVICE, [(year.start, year.end)], date(2024, 1, 20)).overdue


def test_no_disclosure_at_all_is_overdue_unless_tracking_started_later():
    assert overdue_status(SERVICE, [], date(2024, 5, 1)).overdue
    assert not overdue_status(
        SERVICE, [], date(2024, 5, 1), tracking_since=date(2024, 4, 1)
    ).overdue
    assert overdue_status(SERVICE, [], date(2024, 7, 20), tracking_since=date(2024, 4, 1)).overdue


def test_single_matter_must_be_immediate():
    on_time = matter_status(date(2024, 5, 1), date(2024, 5, 6), date(2024, 6, 1))
    assert not on_time.late
    late = matter_status(date(2024, 5, 1), date(2024, 5, 9), date(2024, 6, 1))
    assert late.late and late.days_late == 3
    assert late.message == "应于2024年5月6日前公开，已超过 3 天"
    pending = matter_status(date(2024, 5, 1), None, date(2024, 5, 8))
    assert pending.late and pending.days_late == 2
