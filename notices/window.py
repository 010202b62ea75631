"""Where a window stands, and whether its dates keep the rule. Pure: the calendar is passed in
(``workdays.calendar`` by default: statutory holidays and 调休 make-up days)."""

import datetime
from dataclasses import dataclass

from .rules import AHEAD, WORKING

NOT_STARTED = "not_started"
OPEN = "open"
CLOSED = "closed"
STATE_LABELS = {NOT_STARTED: "未开始", OPEN: "公示中", CLOSED: "期满"}


def default_calendar():
    from workdays import calendar

    return calendar


def length(unit, start, end, calendar=None):
    """Days the window runs, both ends counted (calendar days, or working days)."""
    if end < start:
        return 0
    if unit == WORKING:
        calendar = calendar or default_calendar()
        first = 1 if calendar.is_working_day(start) else 0
        return first + calendar.working_days_between(start, end)
    return (end - start).days + 1


def earliest_end(rule, start, calendar=None):
    """The first end date the rule allows for a window starting on ``start``."""
    days = rule.min_days if rule.mode == AHEAD else rule.min_days - 1
    if rule.unit == WORKING:
        calendar = calendar or default_calendar()
        if rule.mode != AHEAD and not calendar.is_working_day(start):
            days += 1
        return calendar.add_working_days(start, days)
    return start + datetime.timedelta(days=days)


def window_errors(rule, start, end, calendar=None, reason=""):
    """Chinese messages for a window that breaks the rule ([] when it keeps it)."""
    if not start or not end:
        return ["请填写公示开始日期和结束日期。"]
    if end < start:
        return ["结束日期不能早于开始日期。"]
    if reason and reason.strip():
        return []
    first = earliest_end(rule, start, calendar)
    if end < first:
        return [f"期限太短：{rule.describe()}，最早可于 {cn_date(first)} 结束。"]
    return []


@dataclass(frozen=True)
class WindowState:
    state: str
    days_left: int  # calendar days left including today (0 when not open)
    days_to_start: int

    @property
    def label(self):
        if self.state == OPEN:
            return f"公示中，还剩 {self.days_left} 天"
        if self.state == NOT_STARTED:
            return f"未开始（{self.days_to_start} 天后开始）"
        return "期满"

    @property
    def is_open(self):
        return self.state == OPEN


def window_state(start, end, today):
    if today < start:
        return WindowState(NOT_STARTED, 0, (start - today).days)
    if today > end:
        return WindowState(CLOSED, 0, 0)
    return WindowState(OPEN, (end - today).days + 1, 0)


def cn_date(day):
    return f"{day.year}年{day.month}月{day.day}日"
