"""公开时限 (the time rule of a catalogue item), written as the area catalogues write it.

Sources: 政府信息公开条例 (2019) Art. 26 (20 working days after information is made or changed);
国办发〔2019〕54号 and the 26 area catalogues (e.g. "每季度首月20日前",
annual reports "每年1月31日前").
Accepted forms (full-width or ASCII digits):

- ``形成或变更之日起20个工作日内`` — each time the information is made or changed;
- ``批准之日起20日内`` — calendar days after approval (预算法 Art. 14: budgets within 20 days);
- ``每月10日前`` — the previous month's information, by that day of the next month;
- ``每季度首月20日前`` — the previous quarter's, by that day of the next quarter's first month;
- ``每年1月31日前`` — the previous year's, by that date of the next year;
- ``长期公开`` — standing information, kept current (missing when nothing is published).
"""

import calendar
import datetime
import re
from dataclasses import dataclass

EVENT = "event"
APPROVAL = "approval"
MONTHLY = "monthly"
QUARTERLY = "quarterly"
YEARLY = "yearly"
STANDING = "standing"

FORMS = (
    "“形成或变更之日起20个工作日内”“批准之日起20日内”“每月10日前”“每季度首月20日前”"
    "“每年1月31日前”或“长期公开”"
)
_PATTERNS = [
    (EVENT, re.compile(r"^(?:自)?(?:信息)?形成或(?:者)?变更之日起(\d{1,3})个工作日内$")),
    (APPROVAL, re.compile(r"^(?:自)?(?:批准|批复)之日起(\d{1,3})日内$")),
    (MONTHLY, re.compile(r"^每月(\d{1,2})日前$")),
    (QUARTERLY, re.compile(r"^每季度首月(\d{1,2})日前$")),
    (YEARLY, re.compile(r"^每年(\d{1,2})月(\d{1,2})日前$")),
    (STANDING, re.compile(r"^长期公开$")),
]
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


class TimeRuleError(ValueError):
    """A time rule in none of the accepted forms."""


@dataclass(frozen=True)
class TimeRule:
    kind: str
    days: int = 0  # working days (EVENT) or day of month (MONTHLY, QUARTERLY, YEARLY)
    month: int = 0  # YEARLY only

    def __str__(self):
        if self.kind == EVENT:
            return f"形成或变更之日起{self.days}个工作日内"
        if self.kind == APPROVAL:
            return f"批准之日起{self.days}日内"
        if self.kind == MONTHLY:
            return f"每月{self.days}日前"
        if self.kind == QUARTERLY:
            return f"每季度首月{self.days}日前"
        if self.kind == YEARLY:
            return f"每年{self.month}月{self.days}日前"
        return "长期公开"

    @property
    def periodic(self):
        return self.kind in (MONTHLY, QUARTERLY, YEARLY)


def parse(text):
    """The ``TimeRule`` a text states; ``TimeRuleError`` (Chinese) when it states none."""
    cleaned = re.sub(r"\s+", "", str(text or "")).translate(_FULL_WIDTH)
    for kind, pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if not match:
            continue
        numbers = [int(n) for n in match.groups()]
        return _checked(kind, numbers, text)
    raise TimeRuleError(f"公开时限“{text}”格式不正确，应为{FORMS}")


def _checked(kind, numbers, text):
    if kind in (EVENT, APPROVAL):
        if not 1 <= numbers[0] <= 365:
            raise TimeRuleError(f"公开时限“{text}”的天数应为 1–365")
        return TimeRule(kind, numbers[0])
    if kind in (MONTHLY, QUARTERLY):
        if not 1 <= numbers[0] <= 28:
            raise TimeRuleError(f"公开时限“{text}”的日期应为 1–28 日")
        return TimeRule(kind, numbers[0])
    if kind == YEARLY:
        month, day = numbers
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2023, month)[1]:
            raise TimeRuleError(f"公开时限“{text}”中的日期不存在")
        return TimeRule(YEARLY, day, month)
    return TimeRule(STANDING)


@dataclass(frozen=True)
class Period:
    """The span whose information a periodic rule asks for, and its deadline."""

    label: str
    start: datetime.date
    end: datetime.date
    deadline: datetime.date


def _month_period(year, month, day):
    end = datetime.date(year, month, calendar.monthrange(year, month)[1])
    nxt = end + datetime.timedelta(days=1)
    return Period(f"{year}年{month}月", datetime.date(year, month, 1), end, nxt.replace(day=day))


def _quarter_period(year, quarter, day):
    first = 3 * quarter - 2
    end_month = first + 2
    end = datetime.date(year, end_month, calendar.monthrange(year, end_month)[1])
    nxt = end + datetime.timedelta(days=1)
    label = f"{year}年第{'一二三四'[quarter - 1]}季度"
    return Period(label, datetime.date(year, first, 1), end, nxt.replace(day=day))


def _year_period(year, month, day):
    end = datetime.date(year, 12, 31)
    return Period(
        f"{year}年度", datetime.date(year, 1, 1), end, datetime.date(year + 1, month, day)
    )


def _periods_back(rule, today):
    """Periods of a periodic rule, newest first, starting with the one containing ``today``."""
    if rule.kind == MONTHLY:
        year, month = today.year, today.month
        while True:
            yield _month_period(year, month, rule.days)
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif rule.kind == QUARTERLY:
        year, quarter = today.year, (today.month - 1) // 3 + 1
        while True:
            yield _quarter_period(year, quarter, rule.days)
            year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    else:
        year = today.year
        while True:
            yield _year_period(year, rule.month, rule.days)
            year -= 1


def required_period(rule, today):
    """The newest period whose deadline has passed on ``today`` (None for non-periodic rules)."""
    if not rule.periodic:
        return None
    for period in _periods_back(rule, today):
        if period.deadline < today:
            return period
    return None  # pragma: no cover - the generator never ends


def next_period(rule, today):
    """The next period still to publish whose deadline is today or later."""
    if not rule.periodic:
        return None
    upcoming = None
    for period in _periods_back(rule, today):
        if period.deadline < today:
            return upcoming
        upcoming = period
    return None  # pragma: no cover
