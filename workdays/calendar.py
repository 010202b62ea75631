"""Working-day arithmetic on China's real calendar.

A day is a working day unless it is a weekend or a statutory holiday, and a weekend day is a
working day when the State Council's yearly 放假安排 makes it one (调休). The holidays and
make-up days come from the maintained ``chinese-calendar`` package; the admin's table of
yearly arrangements (``workdays.models.HolidayArrangement``) adds years the package does not
know yet and, for a year it holds, replaces the package's dates. A year known to neither counts
Monday–Friday less the statutory days off fixed by law (``workdays.statutory``: 元旦, 春节,
清明, 劳动节, 端午, 中秋, 国庆, the lunar ones computed); its bridging and make-up days are
unknown, and the admin warns about it.

Every function takes an optional ``calendar`` (a ``WorkingCalendar``); without one the
arrangements are read from the database (two small queries). Callers that count many
deadlines, or that must not touch the database, pass one.
"""

import datetime

import chinese_calendar

from workdays.statutory import statutory_days_off

__all__ = [
    "PACKAGE_YEARS",
    "WorkingCalendar",
    "add_working_days",
    "is_working_day",
    "load_calendar",
    "working_days_between",
]

PACKAGE_YEARS = frozenset(day.year for day in chinese_calendar.holidays)


class WorkingCalendar:
    """The package's calendar with per-date overrides from the yearly arrangements.

    ``overrides`` maps a date to True (working day) or False (day off); ``arranged_years``
    are the years for which the arrangements, not the package, are the authority.
    """

    def __init__(self, overrides=None, arranged_years=()):
        self.overrides = dict(overrides or {})
        self.arranged_years = frozenset(arranged_years)

    def knows_year(self, year):
        return year in self.arranged_years or year in PACKAGE_YEARS

    def is_working_day(self, day):
        if day in self.overrides:
            return self.overrides[day]
        if day.year not in self.arranged_years and day.year in PACKAGE_YEARS:
            return chinese_calendar.is_workday(day)
        if day.year not in self.arranged_years and day in statutory_days_off(day.year):
            return False
        return day.weekday() < 5

    def add_working_days(self, start, days):
        if days < 0:
            raise ValueError("工作日天数不能为负数")
        current = start
        while days > 0:
            current += datetime.timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def working_days_between(self, start, end):
        count = 0
        current = start
        while current < end:
            current += datetime.timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


PACKAGE_ONLY = WorkingCalendar()


def load_calendar():
    """The calendar with the admin's yearly arrangements, read from the database."""
    from workdays.models import ArrangementDay, HolidayArrangement

    overrides = {}
    for row in ArrangementDay.objects.order_by("start"):
        for offset in range((row.last_day - row.start).days + 1):
            overrides[row.start + datetime.timedelta(days=offset)] = row.is_working
    return WorkingCalendar(overrides, HolidayArrangement.objects.values_list("year", flat=True))


def is_working_day(day, calendar=None):
    """True when ``day`` is a working day in China."""
    return (calendar or load_calendar()).is_working_day(day)


def add_working_days(start, days, calendar=None):
    """The date ``days`` working days after ``start`` (``start`` itself is not counted)."""
    return (calendar or load_calendar()).add_working_days(start, days)


def working_days_between(start, end, calendar=None):
    """Number of working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    return (calendar or load_calendar()).working_days_between(start, end)
