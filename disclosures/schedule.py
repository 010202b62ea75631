"""Disclosure periods and the overdue rules, as pure functions of dates.

Organic Law of Village Committees, art. 30: general matters at least quarterly; finances
monthly where transactions are many (otherwise quarterly); major matters immediately.
A periodic disclosure is due ``grace_days`` working days after its period ends (site policy,
default 10); a major matter within ``IMMEDIATE_DAYS`` working days. Working days follow China's
calendar (``workdays.calendar``: statutory holidays and 调休 make-up days); pass ``calendar`` to
count without reading the admin's holiday table from the database.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from workdays.calendar import add_working_days, load_calendar

PARTY = "party"
VILLAGE = "village"
FINANCE = "finance"
SERVICE = "service"
CATEGORY_CHOICES = [(PARTY, "党务"), (VILLAGE, "村务"), (FINANCE, "财务"), (SERVICE, "服务")]
CATEGORY_LABELS = dict(CATEGORY_CHOICES)
CATEGORY_SLUGS = {PARTY: "dangwu", VILLAGE: "cunwu", FINANCE: "caiwu", SERVICE: "fuwu"}

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
MATTER = "matter"
PERIOD_KIND_CHOICES = [(MONTH, "月度"), (QUARTER, "季度"), (YEAR, "年度"), (MATTER, "单项事项")]
INTERVAL_CHOICES = [(MONTH, "每月"), (QUARTER, "每季度")]

DEFAULT_GRACE_DAYS = 10
# "Immediately" for a single major matter, in working days (site policy).
IMMEDIATE_DAYS = 5

QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


class PeriodError(ValueError):
    """A period that does not exist, e.g. month 13."""


@dataclass(frozen=True, order=True)
class Period:
    kind: str
    year: int
    number: int = 0  # month 1-12 or quarter 1-4; 0 for a year

    @property
    def start(self):
        return period_bounds(self.kind, self.year, self.number)[0]

    @property
    def end(self):
        return period_bounds(self.kind, self.year, self.number)[1]

    @property
    def label(self):
        return period_label(self.kind, self.year, self.number)

    def previous(self):
        if self.kind == MONTH:
            return Period(
                MONTH, self.year - (self.number == 1), 12 if self.number == 1 else self.number - 1
            )
        if self.kind == QUARTER:
            return Period(
                QUARTER, self.year - (self.number == 1), 4 if self.number == 1 else self.number - 1
            )
        return Period(YEAR, self.year - 1)


def period_bounds(kind, year, number=0):
    """First and last day of a month, quarter or year."""
    if not 1 <= year <= 9999:
        raise PeriodError(f"年份 {year} 无效")
    if kind == MONTH:
        if not 1 <= number <= 12:
            raise PeriodError(f"月份 {number} 无效，应为 1–12")
        return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])
    if kind == QUARTER:
        if not 1 <= number <= 4:
            raise PeriodError(f"季度 {number} 无效，应为 1–4")
        first = 3 * number - 2
        last = first + 2
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if kind == YEAR:
        return date(year, 1, 1), date(year, 12, 31)
    raise PeriodError(f"期间类型“{kind}”没有固定起止日期")


def period_label(kind, year, number=0):
    if kind == MONTH:
        return f"{year}年{number}月"
    if kind == QUARTER:
        return f"{year}年{QUARTER_NAMES[number]}"
    if kind == YEAR:
        return f"{year}年度"
    raise PeriodError(f"期间类型“{kind}”没有固定名称")


def period_containing(kind, day):
    if kind == MONTH:
        return Period(MONTH, day.year, day.month)
    if kind == QUARTER:
        return Period(QUARTER, day.year, (day.month - 1) // 3 + 1)
    if kind == YEAR:
        return Period(YEAR, day.year)
    raise PeriodError(f"期间类型“{kind}”不能按日期推算")


def required_interval(category, finance_interval=QUARTER):
    """How often a category must be disclosed: finances per village setting, others quarterly."""
    if category == FINANCE:
        return finance_interval if finance_interval in (MONTH, QUARTER) else QUARTER
    if category in CATEGORY_LABELS:
        return QUARTER
    raise ValueError(f"未知的公开类别：{category}")


@dataclass(frozen=True)
class OverdueStatus:
    overdue: bool
    required: Period | None = None
    deadline: date | None = None
    days_late: int = 0

    @property
    def message(self):
        if self.required is None:
            return "尚未到第一次公开期限"
        if not self.overdue:
            return f"已按期公开（最近应公开：{self.required.label}）"
        return (
            f"逾期：{self.required.label}应于{_cn_date(self.deadline)}前公开，"
            f"已超过 {self.days_late} 天"
        )


def _cn_date(day):
    return f"{day.year}年{day.month}月{day.day}日"


def disclosure_deadline(period, grace_days=DEFAULT_GRACE_DAYS, calendar=None):
    """The last day to disclose ``period``: ``grace_days`` working days after it ends."""
    return add_working_days(period.end, grace_days, calendar)


def latest_required_period(interval, today, grace_days=DEFAULT_GRACE_DAYS, calendar=None):
    """The most recent period whose disclosure deadline is already past."""
    period = period_containing(interval, today)
    while disclosure_deadline(period, grace_days, calendar) >= today:
        period = period.previous()
    return period


def overdue_status(
    category,
    covered_periods,
    today,
    *,
    finance_interval=QUARTER,
    grace_days=DEFAULT_GRACE_DAYS,
    tracking_since=None,
    calendar=None,
):
    """Is a village's category overdue on ``today``?

    ``covered_periods`` are (start, end) date pairs of its published regular disclosures.
    The latest required period counts as disclosed when some disclosure's period reaches its
    last day (a period containing it, or any later one). Periods ending before
    ``tracking_since`` (when the village started publishing here) are not required.
    """
    interval = required_interval(category, finance_interval)
    calendar = calendar or load_calendar()
    required = latest_required_period(interval, today, grace_days, calendar)
    deadline = disclosure_deadline(required, grace_days, calendar)
    if tracking_since and required.end < tracking_since:
        return OverdueStatus(False)
    if any(end >= required.end for _start, end in covered_periods):
        return OverdueStatus(False, required, deadline)
    return OverdueStatus(True, required, deadline, (today - deadline).days)


@dataclass(frozen=True)
class MatterStatus:
    late: bool
    deadline: date
    days_late: int = 0

    @property
    def message(self):
        if not self.late:
            return f"应于{_cn_date(self.deadline)}前公开，已及时公开"
        return f"应于{_cn_date(self.deadline)}前公开，已超过 {self.days_late} 天"


def matter_status(matter_date, published_on, today, limit_days=IMMEDIATE_DAYS, calendar=None):
    """A single major matter must be disclosed immediately: within ``limit_days`` working days.

    Days late are calendar days after the deadline."""
    deadline = add_working_days(matter_date, limit_days, calendar)
    reference = published_on or today
    late_by = (reference - deadline).days
    return MatterStatus(late_by > 0, deadline, max(late_by, 0))


@dataclass(frozen=True)
class DueStatus:
    required: Period
    deadline: date

    @property
    def message(self):
        return f"本月应公开：{self.required.label}，截止{_cn_date(self.deadline)}"


def due_this_month(
    category,
    covered_periods,
    today,
    *,
    finance_interval=QUARTER,
    grace_days=DEFAULT_GRACE_DAYS,
    tracking_since=None,
    calendar=None,
):
    """The period of a category still to disclose whose deadline is later this month, or None."""
    interval = required_interval(category, finance_interval)
    calendar = calendar or load_calendar()
    current = period_containing(interval, today)
    for period in (current.previous(), current):
        deadline = disclosure_deadline(period, grace_days, calendar)
        if deadline < today or (deadline.year, deadline.month) != (today.year, today.month):
            continue
        if tracking_since and period.end < tracking_since:
            continue
        if not any(end >= period.end for _start, end in covered_periods):
            return DueStatus(period, deadline)
    return None
