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


def test_a_year_nobody_knows_falls_back_to_weekdays():
    year = max(PACKAGE_YEARS) + 1
    assert not PACKAGE_ONLY.knows_year(year)
    new_year = date(year, 1, 1)
    assert is_working_day(new_year, PACKAGE_ONLY) is (new_year.weekday() < 5)


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
    assert is_working_day(date(2030, 10, 1))
    assert add_working_days(date(2030, 9, 30), 1) == date(2030, 10, 1)
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
