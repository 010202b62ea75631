"""Geometry of the server-drawn SVG charts (bar rows) and the charts a finance page shows.

Each chart is a list of rows — a label line, then a bar whose length is the value's share of
the largest value — in a 320-unit-wide viewBox drawn at 100% width, so at 320 px a unit is a
pixel and labels stay on their own line however narrow the screen. Colours are presentation
attributes and classes (the public CSP allows no inline styles); every chart also carries its
data as a table for readers who cannot see it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from . import charts
from .money import format_amount

WIDTH = 320
ROW = 46  # label line 24 units, bar 14, gap 8
BAR = 14
LABEL = 20
FILLS = {"income": "#1b6e3a", "expenditure": "#a33b20", "balance": "#1f4e8c", "share": "#6b4f9c"}
MAX_PERIODS = 8


@dataclass
class Bar:
    label: str
    value: Decimal
    kind: str
    note: str = ""
    label_y: int = 0
    bar_y: int = 0
    width: str = "0"

    @property
    def text(self):
        sign = "−" if self.value < 0 else ""
        return f"{self.label}：{sign}{format_amount(abs(self.value))} 元{self.note}"

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
    height: int = 0
    width: int = WIDTH


def layout(chart):
    """Place the bars: y positions and lengths (negative values drawn by their size)."""
    largest = max((abs(b.value) for b in chart.bars), default=Decimal("0"))
    for index, bar in enumerate(chart.bars):
        bar.label_y = index * ROW + LABEL
        bar.bar_y = index * ROW + LABEL + 6
        share = abs(bar.value) / largest if largest else Decimal("0")
        length = (share * WIDTH).quantize(Decimal("0.1"))
        bar.width = str(max(length, Decimal("1")) if bar.value else Decimal("0"))
    chart.height = max(len(chart.bars), 1) * ROW
    return chart


def periods_chart(series, key="periods"):
    recent = series[-MAX_PERIODS:]
    bars = []
    for f in recent:
        bars += [
            Bar(f"{f.label} 收入", f.income, "income"),
            Bar("支出", f.expenditure, "expenditure"),
        ]
    desc = "；".join(
        f"{f.label}收入 {format_amount(f.income)} 元，支出 {format_amount(f.expenditure)} 元"
        for f in recent
    )
    return layout(
        Chart(
            key,
            "各期收入与支出",
            desc + "。",
            bars,
            ["公开期间", "收入（元）", "支出（元）", "收支差额（元）"],
            [
                [
                    f.label,
                    format_amount(f.income),
                    format_amount(f.expenditure),
                    format_amount(f.net),
                ]
                for f in recent
            ],
        )
    )


def balance_chart(series, key="balance"):
    recent = series[-MAX_PERIODS:]
    bars = [
        Bar(f"{f.label}期末", f.closing, "balance", "（负数）" if f.closing < 0 else "")
        for f in recent
    ]
    desc = "；".join(f"{f.label}期末余额 {format_amount(f.closing)} 元" for f in recent)
    return layout(
        Chart(
            key,
            "余额变化",
            desc + "。",
            bars,
            ["公开期间", "期初余额（元）", "期末余额（元）"],
            [[f.label, format_amount(f.opening), format_amount(f.closing)] for f in recent],
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
            ["摘要", "金额（元）", "占本期支出"],
            [[s.label, format_amount(s.amount), f"{s.percent}%"] for s in shares],
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
            ["期间", "收入（元）", "支出（元）"],
            [
                [f"{name}（{f.label}）", format_amount(f.income), format_amount(f.expenditure)]
                for name, f in rows
            ],
            sentences,
        )
    )


def disclosure_charts(page, siblings):
    """Charts of one finance disclosure; ``siblings`` are the village's finance pages."""
    current = charts.figures_of(page)
    if current is None:
        return []
    series = [f for f in charts.period_figures(siblings) if f.period.kind == current.period.kind]
    series = [f for f in series if f.period != current.period] + [current]
    series.sort(key=lambda f: f.period.start)
    upto = [f for f in series if f.period.start <= current.period.start]
    result = [
        comparison_chart(current, upto, f"compare-{page.pk}"),
        items_chart(page.line_objects(), page.period_label, f"items-{page.pk}"),
    ]
    if len(upto) > 1:
        result += [
            periods_chart(upto, f"periods-{page.pk}"),
            balance_chart(upto, f"balance-{page.pk}"),
        ]
    return result


def village_charts(pages, key="village"):
    """Per-period income and expenditure and the balance over time of a village."""
    series = charts.period_figures(pages)
    if not series:
        return []
    kind = series[-1].period.kind  # the village's current interval
    series = [f for f in series if f.period.kind == kind]
    return [periods_chart(series, f"{key}-periods"), balance_chart(series, f"{key}-balance")]
