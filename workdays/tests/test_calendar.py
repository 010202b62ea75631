"""China's working days: statutory holidays, 调休 Saturdays, the admin's yearly arrangements."""

from datetime import date

import pytest

from workdays.calendar import (
    PACKAGE_ONLY,
    PACKAGE_YEARS,
    WorkingCalendar,
    add_working_days,
    is_working_day,
    working_days_between,
)
from workdays.models import ArrangementDay
from workdays.statutory import statutory_days_off

from .factories import arrangement

HOLIDAY, WORKDAY = ArrangementDay.HOLIDAY, ArrangementDay.WORKDAY


def test_plain_weeks_skip_the_weekend():
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 3, PACKAGE_ONLY) == date(2026, 11, 25)
    assert working_days_between(friday, date(2026, 11, 25), PACKAGE_ONLY) == 3
    assert working_days_between(friday, date(2026, 11, 24), PACKAGE_ONLY) == 2
    assert working_days_between(friday, friday, PACKAGE_ONLY) == 0
    assert add_working_days(friday, 0, PACKAGE_ONLY) == friday
    with pytest.raises(ValueError, match="负数"):
        add_working_days(friday, -1, PACKAGE_ONLY)


def test_national_day_and_its_make_up_saturday():
    # 2026: 1–7 October off; Sunday 20 September and Saturday 10 October are working days.
    assert not is_working_day(date(2026, 10, 5), PACKAGE_ONLY)  # a Monday inside the holiday
    assert is_working_day(date(2026, 9, 20), PACKAGE_ONLY)
    assert is_working_day(date(2026, 10, 10), PACKAGE_ONLY)
    wednesday = date(2026, 9, 30)
    assert add_working_days(wednesday, 1, PACKAGE_ONLY) == date(2026, 10, 8)
    # The third working day is the 调休 Saturday, not Monday 12 October.
    assert add_working_days(wednesday, 3, PACKAGE_ONLY) == date(2026, 10, 10)
    assert working_days_between(wednesday, date(2026, 10, 11), PACKAGE_ONLY) == 3


def test_spring_festival():
    # 2026: 15–23 February off; Saturdays 14 and 28 February are working days.
    friday = date(2026, 2, 13)
    assert add_working_days(friday, 1, PACKAGE_ONLY) == date(2026, 2, 14)
    assert add_working_days(friday, 2, PACKAGE_ONLY) == date(2026, 2, 24)
    assert working_days_between(date(2026, 2, 14), date(2026, 2, 23), PACKAGE_ONLY) == 0


def test_a_year_nobody_knows_keeps_the_statutory_days_off():
    year = max(PACKAGE_YEARS) + 1
    assert not PACKAGE_ONLY.knows_year(year)
    assert not is_working_day(date(year, 1, 1), PACKAGE_ONLY)
    # 2027 (not in the package): 除夕 5 February to 初三 8 February, 清明 5 April, 端午 9 June,
    # 中秋 15 September, 1–3 October; other weekdays work.
    off = statutory_days_off(2027)
    assert [d for d in off if off[d] == "春节"] == [date(2027, 2, d) for d in range(5, 9)]
    for day in (date(2027, 4, 5), date(2027, 6, 9), date(2027, 9, 15), date(2027, 10, 1)):
        assert not is_working_day(day, PACKAGE_ONLY)
    assert is_working_day(date(2027, 5, 3), PACKAGE_ONLY)  # only 1–2 May are fixed by law
    # A request filed in late December 2026 does not count 元旦 2027 as a working day.
    assert add_working_days(date(2026, 12, 31), 1, PACKAGE_ONLY) == date(2027, 1, 4)
    assert statutory_days_off(2030)[date(2030, 2, 2)] == "春节"  # 除夕 of 2030


def test_overrides_replace_the_package_for_their_year():
    calendar = WorkingCalendar({date(2026, 10, 1): False}, arranged_years=[2026])
    assert calendar.knows_year(2026)
    assert not calendar.is_working_day(date(2026, 10, 1))
    # The package's other 2026 dates no longer apply: a Monday of its holiday is worked.
    assert calendar.is_working_day(date(2026, 10, 5))
    assert not calendar.is_working_day(date(2026, 10, 10))  # Saturday, not declared
    # Other years still come from the package.
    assert not calendar.is_working_day(date(2025, 10, 1))


@pytest.mark.django_db
def test_the_admin_table_adds_a_year_the_package_does_not_know():
    # Dates of a made-up 2030 arrangement: 1–7 October (Tuesday–Monday) off, Saturday
    # 28 September worked.
    assert 2030 not in PACKAGE_YEARS
    assert not is_working_day(date(2030, 10, 1))  # statutory, even before the arrangement
    assert is_working_day(date(2030, 10, 4))
    assert add_working_days(date(2030, 9, 30), 1) == date(2030, 10, 4)
    arrangement(
        2030,
        ("国庆节", HOLIDAY, date(2030, 10, 1), date(2030, 10, 7)),
        ("国庆节", WORKDAY, date(2030, 9, 28), None),
    )
    assert not is_working_day(date(2030, 10, 1))
    assert is_working_day(date(2030, 9, 28))
    assert add_working_days(date(2030, 9, 30), 1) == date(2030, 10, 8)
    assert working_days_between(date(2030, 9, 27), date(2030, 10, 8)) == 3


@pytest.mark.django_db
def test_the_admin_table_takes_precedence_over_the_package():
    # A correction for 2026: the table says 9 October is also off.
    arrangement(2026, ("国庆节", HOLIDAY, date(2026, 10, 1), date(2026, 10, 9)))
    assert not is_working_day(date(2026, 10, 8))
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 12)
