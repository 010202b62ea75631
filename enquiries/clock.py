"""Due dates on China's working-day calendar, with pauses and extensions.

The calendar is ``workdays.calendar`` (statutory holidays and 调休 make-up days), which offers
``add_working_days(start, n)`` and ``working_days_between(start, end)``; tests may pass any
object with those two functions as ``calendar``.
"""

import datetime
from dataclasses import dataclass

from .rules import CALENDAR

THIRD_PARTY = "third_party"
SUPPLEMENT = "supplement"
PAUSE_CHOICES = [
    (THIRD_PARTY, "征求第三方意见（不计入期限）"),
    (SUPPLEMENT, "等待申请人补正（补正后重新计算）"),
]

ON_TIME = "on_time"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
PAUSED = "paused"
DONE = "done"
STATE_LABELS = {
    ON_TIME: "期限内",
    DUE_SOON: "即将到期",
    OVERDUE: "已逾期",
    PAUSED: "计时暂停",
    DONE: "已办结",
}


def default_calendar():
    from workdays import calendar

    return calendar


@dataclass(frozen=True)
class Pause:
    kind: str
    start: datetime.date
    end: datetime.date | None = None


def _add(rule, start, days, calendar):
    if rule.unit == CALENDAR:
        return start + datetime.timedelta(days=days)
    return calendar.add_working_days(start, days)


def _between(rule, start, end, calendar):
    if end <= start:
        return 0
    if rule.unit == CALENDAR:
        return (end - start).days
    return calendar.working_days_between(start, end)


def clock_start(received, pauses):
    """The day the clock counts from: receipt, or the latest completed supplement."""
    ends = [p.end for p in pauses if p.kind == SUPPLEMENT and p.end]
    return max([received, *ends])


def _stopped(rule, pause, calendar):
    """The working days a third party's consultation keeps off the clock, at most the rule's
    limit; one still open counts as the whole limit, after which the clock runs again."""
    if pause.end is None:
        return rule.third_party_pause
    stopped = _between(rule, pause.start, pause.end, calendar)
    return min(stopped, rule.third_party_pause) if rule.third_party_pause else stopped


def due_date(rule, received, pauses=(), extensions=0, calendar=None, extension_days=None):
    """The last day to answer, or None while the applicant has not completed the request.

    An open consultation of a third party stops the clock for at most ``third_party_pause``
    working days, so its due date is known (it moves earlier when the answer comes sooner).
    ``extension_days`` (the days the extensions granted, at most the rule's) replaces
    ``extensions`` (a count of full extensions) when given."""
    calendar = calendar or default_calendar()
    pauses = list(pauses)
    if any(
        p.end is None and not (p.kind == THIRD_PARTY and rule.third_party_pause) for p in pauses
    ):
        return None
    start = clock_start(received, pauses)
    if extension_days is None:
        extension_days = rule.extension * min(extensions, rule.max_extensions)
    days = rule.limit + min(extension_days, rule.extension * rule.max_extensions)
    due = _add(rule, start, days, calendar)
    for pause in pauses:
        if pause.kind != THIRD_PARTY or pause.start < start:
            continue
        due = _add(rule, due, _stopped(rule, pause, calendar), calendar)
    return due


def clock_state(rule, due, today, answered=False, calendar=None):
    """ON_TIME, DUE_SOON, OVERDUE, PAUSED (no due date) or DONE."""
    if answered:
        return DONE
    if due is None:
        return PAUSED
    if today > due:
        return OVERDUE
    calendar = calendar or default_calendar()
    if calendar.working_days_between(today, due) <= rule.due_soon:
        return DUE_SOON
    return ON_TIME
