"""The finance charts a page shows: rows of a label and a bar, and the data as a table.

Each row is an HTML label line (the page's own text, so it grows with the screen and with
长者模式 and wraps instead of being cut) above a bar drawn as a small server-made SVG, whose
length is the value's share of the largest value in a 320-unit viewBox stretched to the row.
Colours are presentation attributes (the public CSP allows no inline styles). Every chart
carries its data as a table with amounts in 元; the per-period charts show that table first.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from . import charts
from .money import format_amount

WIDTH = 320  # bar lengths in viewBox units; each bar is its own SVG stretched to the row
FILLS = {"income": "#1b6e3a", "expenditure": "#a33b20", "balance": "#1f4e8c", "share": "#6b4f9c"}
MAX_PERIODS = 12  # bars drawn; the table always holds every period


@dataclass
class Bar:
    label: str
    value: Decimal
    kind: str
    note: str = ""
    width: str = "0"

    @property
    def amount_text(self):
        sign = "−" if self.value < 0 else ""
        return f"{sign}{format_amount(abs(self.value))} 元"

    @property
    def text(self):
        return f"{self.label}：{self.amount_text}{self.note}"

    @property
    def fill(self):
        return FILLS[self.kind]


@dataclass
class Chart:
    key: str
    title: str
    desc: str
    bars: list
    head: list = field(default_factory=list)
    table: list = field(default_factory=list)
    sentences: list = field(default_factory=list)
    table_first: bool = False  # the plain table before the bars (the per-period charts)
    note: str = ""
    width: int = WIDTH

    @property
    def labelled_rows(self):
        """Each table row as (first cell, [(column heading, cell), …]) for narrow screens."""
        return [(row[0], list(zip(self.head[1:], row[1:], strict=False))) for row in self.table]


def layout(chart):
    """Bar lengths: each value's share of the largest (negative values drawn by their size)."""
    largest = max((abs(b.value) for b in chart.bars), default=Decimal("0"))
    for bar in chart.bars:
        share = abs(bar.value) / largest if largest else Decimal("0")
        length = (share * WIDTH).quantize(Decimal("0.1"))
        bar.width = str(max(length, Decimal("1")) if bar.value else Decimal("0"))
    return chart


def yuan(amount):
    sign = "−" if amount < 0 else ""
    return f"{sign}{format_amount(abs(amount))} 元"


def _drawn(series):
    """The periods drawn as bars, and the note saying so when not all of them are."""
    recent = series[-MAX_PERIODS:]
    if len(recent) == len(series):
        return recent, ""
    return recent, f"图中为最近 {len(recent)} 期，共 {len(series)} 期，每一期都在上表中。"


def periods_chart(series, key="periods"):
    """Every period's income, expenditure and closing balance: a plain table, then bars."""
    recent, note = _drawn(series)
    bars = []
    for f in recent:
        bars += [
            Bar(f"{f.label} 收入", f.income, "income"),
            Bar(f"{f.label} 支出", f.expenditure, "expenditure"),
        ]
    desc = "；".join(f"{f.label}收入 {yuan(f.income)}，支出 {yuan(f.expenditure)}" for f in series)
    return layout(
        Chart(
            key,
            "各期收入与支出",
            desc + "。",
            bars,
            ["期间", "收入", "支出", "期末结余"],
            [[f.label, yuan(f.income), yuan(f.expenditure), yuan(f.closing)] for f in series],
            table_first=True,
            note=note,
        )
    )


def balance_chart(series, key="balance"):
    recent, note = _drawn(series)
    bars = [
        Bar(f"{f.label}期末", f.closing, "balance", "（负数）" if f.closing < 0 else "")
        for f in recent
    ]
    desc = "；".join(f"{f.label}期末余额 {yuan(f.closing)}" for f in series)
    return layout(
        Chart(
            key,
            "余额变化",
            desc + "。",
            bars,
            ["期间", "期初余额", "期末余额"],
            [[f.label, yuan(f.opening), yuan(f.closing)] for f in series],
            note=note,
        )
    )


def items_chart(lines, period_label, key="items"):
    shares = charts.by_item(lines)
    bars = [Bar(s.label, s.amount, "share", f"（{s.percent}%）") for s in shares]
    desc = "；".join(f"{s.label} {format_amount(s.amount)} 元，占 {s.percent}%" for s in shares)
    return layout(
        Chart(
            key,
            f"{period_label}支出构成（按摘要）",
            (desc + "。") if shares else "本期没有支出。",
            bars,
            ["摘要", "金额", "占本期支出"],
            [[s.label, yuan(s.amount), f"{s.percent}%"] for s in shares],
        )
    )


def comparison_chart(current, series, key="compare"):
    """This period, the previous one and the same one last year, with the changes in words."""
    by_period = {f.period: f for f in series}
    this_name, previous_name, last_year_name = charts.NAMES[current.period.kind]
    rows = [(this_name, current)]
    previous = by_period.get(current.period.previous())
    if previous:
        rows.append((previous_name, previous))
    if last_year_name:
        same = by_period.get(charts.same_period_last_year(current.period))
        if same:
            rows.append((last_year_name, same))
    bars = []
    for name, f in rows:
        bars += [
            Bar(f"{name}（{f.label}）收入", f.income, "income"),
            Bar(f"{name}支出", f.expenditure, "expenditure"),
        ]
    sentences = charts.compare(current, series)
    return layout(
        Chart(
            key,
            "与上期、去年同期比较",
            "；".join(sentences) + "。",
            bars,
            ["期间", "收入", "支出"],
            [[f"{name}（{f.label}）", yuan(f.income), yuan(f.expenditure)] for name, f in rows],
            sentences,
        )
    )


def disclosure_charts(page, siblings):
    """Charts of one finance disclosure; ``siblings`` are the village's finance pages.

    The comparison is with periods of the same kind (上月, 上季度); the per-period charts show
    every period up to this one, monthly and quarterly alike, on one time axis.
    """
    current = charts.figures_of(page)
    if current is None:
        return []
    every = [f for f in charts.period_figures(siblings) if f.period != current.period]
    every = sorted([*every, current], key=lambda f: (f.period.start, f.period.end))
    upto = [f for f in every if f.period.start <= current.period.start]
    same_kind = [f for f in upto if f.period.kind == current.period.kind]
    result = [
        comparison_chart(current, same_kind, f"compare-{page.pk}"),
        items_chart(page.line_objects(), page.period_label, f"items-{page.pk}"),
    ]
    if len(upto) > 1:
        result += [
            periods_chart(upto, f"periods-{page.pk}"),
            balance_chart(upto, f"balance-{page.pk}"),
        ]
    return result


def village_charts(pages, key="village"):
    """Every period of a village — monthly, quarterly and yearly together on one time axis —
    with its income, expenditure and closing balance; none is left out."""
    series = charts.period_figures(pages)
    if not series:
        return []
    return [periods_chart(series, f"{key}-periods"), balance_chart(series, f"{key}-balance")]
