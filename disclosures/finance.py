"""Finance table arithmetic: totals and closing balance in Decimal, with checks in Chinese.

A table is an opening balance, income and expenditure lines, and the totals the clerk
states (收入合计, 支出合计, 期末余额). ``check_table`` recomputes everything and says which
line or total is wrong; a table with any problem must not be published.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from .money import CENT, format_amount

INCOME = "income"
EXPENDITURE = "expenditure"
DIRECTION_CHOICES = [(INCOME, "收入"), (EXPENDITURE, "支出")]  # the one list of directions
DIRECTION_LABELS = dict(DIRECTION_CHOICES)
DIRECTION_BY_LABEL = {label: key for key, label in DIRECTION_CHOICES}

# Field names used in Problem.field, matching the model fields of a finance disclosure.
OPENING = "opening_balance"
TOTAL_INCOME = "total_income"
TOTAL_EXPENDITURE = "total_expenditure"
CLOSING = "closing_balance"
FIELD_LABELS = {
    OPENING: "期初余额",
    TOTAL_INCOME: "收入合计",
    TOTAL_EXPENDITURE: "支出合计",
    CLOSING: "期末余额",
}
# The four summary amounts of a finance table, in table order: the one list the model, its
# form, the importers, the upload and the version diff all read.
SUMMARY_FIELDS = tuple(FIELD_LABELS)


@dataclass(frozen=True)
class Line:
    """One income or expenditure line."""

    direction: str
    amount: Decimal
    item: str = ""
    date: datetime.date | None = None
    voucher: str = ""
    counterparty: str = ""


@dataclass(frozen=True)
class Totals:
    income: Decimal
    expenditure: Decimal
    closing: Decimal


@dataclass(frozen=True)
class Problem:
    """A reason a table cannot be published; ``line`` is the 0-based line index if any."""

    field: str
    message: str
    line: int | None = None
    column: str | None = None


def yuan(amount):
    return f"{format_amount(amount)} 元"


def line_name(index, line, number=None):
    """How a line is named to the editor; ``number`` overrides the 1-based position."""
    label = DIRECTION_LABELS.get(line.direction, "明细")
    item = f"“{line.item}”" if line.item else ""
    return f"第 {index + 1 if number is None else number} 行（{label}{item}）"


def _namer(numbers):
    return lambda index, line: line_name(index, line, numbers[index] if numbers else None)


def compute_totals(opening, lines):
    """Sum lines per direction and derive the closing balance, all in Decimal."""
    income = sum((ln.amount for ln in lines if ln.direction == INCOME), Decimal("0"))
    expenditure = sum((ln.amount for ln in lines if ln.direction == EXPENDITURE), Decimal("0"))
    for value in (opening, income, expenditure):
        if not isinstance(value, Decimal):
            raise TypeError("金额必须是 Decimal")
    income = income.quantize(CENT)
    expenditure = expenditure.quantize(CENT)
    return Totals(income, expenditure, (opening + income - expenditure).quantize(CENT))


def check_lines(lines, period_start=None, period_end=None, numbers=None):
    """Problems on individual lines: direction, amount, item, date inside the period.

    ``numbers`` optionally gives each line's number as the editor knows it (e.g. CSV line).
    """
    problems = []
    name_of = _namer(numbers)
    for index, line in enumerate(lines):
        name = name_of(index, line)
        if line.direction not in DIRECTION_LABELS:
            problems.append(
                Problem("line", f"{name}：收支类型应为“收入”或“支出”", index, "direction")
            )
        if not isinstance(line.amount, Decimal) or not line.amount.is_finite():
            problems.append(Problem("line", f"{name}：金额不是有效数字", index, "amount"))
        elif line.amount <= 0:
            problems.append(Problem("line", f"{name}：金额应大于 0", index, "amount"))
        elif line.amount != line.amount.quantize(CENT):
            problems.append(Problem("line", f"{name}：金额超过两位小数", index, "amount"))
        if not line.item.strip():
            problems.append(Problem("line", f"{name}：请填写摘要（事项）", index, "item"))
        if line.date and period_start and line.date < period_start:
            problems.append(Problem("line", f"{name}：日期早于本期开始日", index, "date"))
        if line.date and period_end and line.date > period_end:
            problems.append(Problem("line", f"{name}：日期晚于本期结束日", index, "date"))
    return problems


def _mismatch_hint(difference, lines, direction, name_of):
    """Guess which line explains a wrong total, e.g. a line left out or counted twice."""
    same = [
        i
        for i, ln in enumerate(lines)
        if ln.direction == direction and ln.amount == abs(difference)
    ]
    other = [
        i for i, ln in enumerate(lines) if ln.direction != direction and ln.amount == difference
    ]
    if len(same) == 1:
        name = name_of(same[0], lines[same[0]])
        action = "重复计入" if difference > 0 else "漏计"
        return f"差额与{name}的金额相同，合计可能{action}了这一行"
    if len(other) == 1:
        name = name_of(other[0], lines[other[0]])
        return f"差额与{name}的金额相同，可能把这一行计入了{DIRECTION_LABELS[direction]}"
    cents = int((abs(difference) * 100).to_integral_value())
    if cents % 9 == 0:
        return "差额能被 9 整除，可能有数字前后颠倒"
    return ""


def _total_problem(field, stated, computed, lines, direction, name_of):
    difference = stated - computed
    message = (
        f"{FIELD_LABELS[field]}填写为 {yuan(stated)}，按明细计算应为 {yuan(computed)}"
        f"（相差 {yuan(difference)}）"
    )
    hint = _mismatch_hint(difference, lines, direction, name_of)
    return Problem(field, f"{message}。{hint}" if hint else message)


def check_table(
    opening,
    lines,
    *,
    stated_income=None,
    stated_expenditure=None,
    stated_closing=None,
    period_start=None,
    period_end=None,
    numbers=None,
):
    """Return every problem of a finance table (empty list when it adds up)."""
    problems = check_lines(lines, period_start, period_end, numbers)
    name_of = _namer(numbers)
    # Totals cannot be computed until every line has a readable amount and direction.
    if any(p.column in ("amount", "direction") for p in problems):
        return problems
    totals = compute_totals(opening, lines)
    if stated_income is not None and stated_income != totals.income:
        problems.append(
            _total_problem(TOTAL_INCOME, stated_income, totals.income, lines, INCOME, name_of)
        )
    if stated_expenditure is not None and stated_expenditure != totals.expenditure:
        problems.append(
            _total_problem(
                TOTAL_EXPENDITURE,
                stated_expenditure,
                totals.expenditure,
                lines,
                EXPENDITURE,
                name_of,
            )
        )
    if stated_closing is not None and stated_closing != totals.closing:
        formula = (
            f"期初余额 {yuan(opening)} + 收入 {yuan(totals.income)} − "
            f"支出 {yuan(totals.expenditure)} = {yuan(totals.closing)}"
        )
        message = f"期末余额填写为 {yuan(stated_closing)}，应为{formula}"
        problems.append(Problem(CLOSING, message))
    return problems
