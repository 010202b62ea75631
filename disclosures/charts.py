"""The numbers behind the finance charts, as pure functions over Decimal.

``period_figures`` turns published finance disclosures into one ``Figures`` per period;
``by_item`` sums a period's expenditure by 摘要; ``compare`` states this period against the
previous one and the same period a year earlier in words (“本季度支出比上季度增加 12.4%”).
Percentages are rounded half up to one decimal; nothing here touches the database.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import schedule
from .finance import DIRECTION_CHOICES, EXPENDITURE
from .money import format_amount

TENTH = Decimal("0.1")
OTHER = "其他"
# How each period kind names "this", "the previous" and "the same one last year".
NAMES = {
    schedule.MONTH: ("本月", "上月", "去年同月"),
    schedule.QUARTER: ("本季度", "上季度", "去年同季度"),
    schedule.YEAR: ("本年度", "上年度", None),
}
MEASURES = DIRECTION_CHOICES  # (attribute of Figures, label)


@dataclass(frozen=True)
class Figures:
    """One period's stated totals (as published) and where the period sits in time."""

    period: schedule.Period
    income: Decimal
    expenditure: Decimal
    opening: Decimal
    closing: Decimal

    @property
    def label(self):
        return self.period.label

    @property
    def net(self):
        return self.income - self.expenditure


def figures_of(page):
    """Figures of a finance disclosure page, or None if it is not a complete regular one."""
    values = (page.total_income, page.total_expenditure, page.opening_balance)
    if page.period_kind not in NAMES or page.closing_balance is None or None in values:
        return None
    number = 0 if page.period_kind == schedule.YEAR else page.period_number or 0
    return Figures(
        schedule.Period(page.period_kind, page.period_year, number),
        Decimal(page.total_income),
        Decimal(page.total_expenditure),
        Decimal(page.opening_balance),
        Decimal(page.closing_balance),
    )


def period_figures(pages):
    """One Figures per period in time order; withdrawn pages left out, the newest page wins."""
    chosen = {}
    for page in sorted(pages, key=lambda p: p.pk or 0):
        if getattr(page, "withdrawn", False):
            continue
        figures = figures_of(page)
        if figures:
            chosen[figures.period] = figures
    return [chosen[key] for key in sorted(chosen, key=lambda p: (p.start, p.kind))]


def percent_change(current, previous):
    """(current − previous) / previous × 100, one decimal, half up; None when previous is 0."""
    if previous == 0:
        return None
    return ((current - previous) * 100 / previous).quantize(TENTH, rounding=ROUND_HALF_UP)


def change_sentence(this_name, other_name, measure, current, previous):
    """e.g. “本季度支出比上季度增加 12.4%（11,240.00 元，上季度 10,000.00 元）”."""
    amounts = f"（{format_amount(current)} 元，{other_name} {format_amount(previous)} 元）"
    if current == previous:
        return f"{this_name}{measure}与{other_name}持平{amounts}"
    change = percent_change(current, previous)
    if change is None:
        return f"{this_name}{measure} {format_amount(current)} 元，{other_name}无{measure}"
    word = "增加" if change > 0 else "减少"
    if change == 0:  # a change too small to show at one decimal
        return f"{this_name}{measure}比{other_name}略有{word}（不足 0.1%）{amounts}"
    return f"{this_name}{measure}比{other_name}{word} {abs(change)}%{amounts}"


def same_period_last_year(period):
    return schedule.Period(period.kind, period.year - 1, period.number)


def compare(current, series):
    """Sentences comparing ``current`` with the previous period and the same one last year.

    A missing period is said to be missing, never silently skipped.
    """
    by_period = {f.period: f for f in series}
    this_name, previous_name, last_year_name = NAMES[current.period.kind]
    references = [(previous_name, current.period.previous())]
    if last_year_name:
        references.append((last_year_name, same_period_last_year(current.period)))
    sentences = []
    for name, period in references:
        other = by_period.get(period)
        if other is None:
            sentences.append(f"{name}（{period.label}）没有可比较的财务公开")
            continue
        for attribute, measure in MEASURES:
            sentences.append(
                change_sentence(
                    this_name,
                    name,
                    measure,
                    getattr(current, attribute),
                    getattr(other, attribute),
                )
            )
    return sentences


@dataclass(frozen=True)
class Share:
    label: str
    amount: Decimal
    percent: Decimal  # of the period's expenditure, one decimal


def by_item(lines, top=6):
    """Expenditure summed by 摘要, largest first; beyond ``top`` items folded into 其他."""
    sums = {}
    for line in lines:
        if line.direction == EXPENDITURE:
            key = line.item.strip() or OTHER
            sums[key] = sums.get(key, Decimal("0")) + line.amount
    ordered = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ordered) > top:
        rest = sum((amount for _label, amount in ordered[top - 1 :]), Decimal("0"))
        ordered = [*ordered[: top - 1], (OTHER, rest)]
    total = sum((amount for _label, amount in ordered), Decimal("0"))
    return [
        Share(label, amount, (amount * 100 / total).quantize(TENTH, rounding=ROUND_HALF_UP))
        for label, amount in ordered
    ]
