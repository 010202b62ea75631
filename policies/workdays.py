"""Working-day arithmetic for the "interpretation within 3 working days" rule."""

import datetime

__all__ = ["add_working_days", "working_days_between"]


def _is_working_day(day, holidays, workdays):
    if day in workdays:
        return True
    if day in holidays:
        return False
    return day.weekday() < 5


def add_working_days(start, days, holidays=(), workdays=()):
    """The date ``days`` working days after ``start`` (weekends and ``holidays`` skipped;
    ``workdays`` are weekend days declared working days, 调休)."""
    holidays, workdays = set(holidays), set(workdays)
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if _is_working_day(current, holidays, workdays):
            remaining -= 1
    return current


def working_days_between(start, end, holidays=(), workdays=()):
    """Number of working days after ``start`` up to and including ``end``."""
    holidays, workdays = set(holidays), set(workdays)
    count = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        if _is_working_day(current, holidays, workdays):
            count += 1
    return count
