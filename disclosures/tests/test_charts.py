"""Chart numbers computed by hand from small fixtures, and the charts as a reader gets them."""

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse

from disclosures import chart_svg, charts
from disclosures.finance import EXPENDITURE, INCOME, Line
from disclosures.schedule import Period

from .factories import finance_disclosure, hierarchy

D = Decimal


def page(pk, year, number, income, expenditure, opening="1000.00", kind="quarter", **extra):
    closing = D(opening) + D(income) - D(expenditure)
    return SimpleNamespace(
        pk=pk,
        period_kind=kind,
        period_year=year,
        period_number=number,
        total_income=D(income),
        total_expenditure=D(expenditure),
        opening_balance=D(opening),
        closing_balance=closing,
        withdrawn=extra.get("withdrawn", False),
    )


def test_percent_change_rounds_half_up_to_one_decimal():
    # (350.70 − 312.00) / 312.00 × 100 = 12.4038… → 12.4
    assert charts.percent_change(D("350.70"), D("312.00")) == D("12.4")
    # (1500.10 − 2000.00) / 2000.00 × 100 = −24.995 → −25.0 (half up, away from zero)
    assert charts.percent_change(D("1500.10"), D("2000.00")) == D("-25.0")
    assert charts.percent_change(D("5"), D("0")) is None


def test_comparison_in_words_against_previous_and_last_year():
    series = charts.period_figures(
        [
            page(1, 2023, 1, "0.00", "350.70"),
            page(2, 2023, 4, "2000.00", "312.00"),
            page(3, 2024, 1, "1500.10", "350.70"),
        ]
    )
    current = series[-1]
    assert charts.compare(current, series) == [
        "本季度收入比上季度减少 25.0%（1,500.10 元，上季度 2,000.00 元）",
        "本季度支出比上季度增加 12.4%（350.70 元，上季度 312.00 元）",
        "本季度收入 1,500.10 元，去年同季度无收入",
        "本季度支出与去年同季度持平（350.70 元，去年同季度 350.70 元）",
    ]


def test_missing_periods_are_said_to_be_missing():
    series = charts.period_figures([page(1, 2024, 1, "10.00", "5.00")])
    assert charts.compare(series[0], series) == [
        "上季度（2023年第四季度）没有可比较的财务公开",
        "去年同季度（2023年第一季度）没有可比较的财务公开",
    ]


def test_months_and_years_are_named_as_such():
    months = charts.period_figures(
        [
            page(1, 2024, 1, "100.00", "80.00", kind="month"),
            page(2, 2024, 2, "110.00", "80.00", kind="month"),
        ]
    )
    # (110 − 100) / 100 = 10.0 %
    assert charts.compare(months[-1], months)[0] == (
        "本月收入比上月增加 10.0%（110.00 元，上月 100.00 元）"
    )
    years = charts.period_figures([page(1, 2024, None, "1.00", "1.00", kind="year")])
    assert charts.compare(years[0], years) == ["上年度（2023年度）没有可比较的财务公开"]


def test_series_in_time_order_without_withdrawn_and_newest_page_wins():
    series = charts.period_figures(
        [
            page(5, 2024, 2, "1.00", "1.00"),
            page(1, 2024, 1, "9.00", "1.00"),
            page(7, 2024, 1, "3.00", "1.00"),  # a later page for the same period
            page(8, 2024, 3, "4.00", "1.00", withdrawn=True),
        ]
    )
    assert [(f.period, f.income) for f in series] == [
        (Period("quarter", 2024, 1), D("3.00")),
        (Period("quarter", 2024, 2), D("1.00")),
    ]


def test_expenditure_by_item_sums_and_folds_the_rest():
    lines = [
        Line(EXPENDITURE, D("30.00"), "办公用品"),
        Line(INCOME, D("999.00"), "租金"),
        Line(EXPENDITURE, D("20.00"), "办公用品"),
        Line(EXPENDITURE, D("30.00"), "道路维修"),
        Line(EXPENDITURE, D("10.00"), "电费"),
        Line(EXPENDITURE, D("10.00"), "水费"),
    ]
    shares = charts.by_item(lines, top=3)
    # 办公用品 50, 道路维修 30, then 电费 10 + 水费 10 = 20 of 100
    assert [(s.label, s.amount, s.percent) for s in shares] == [
        ("办公用品", D("50.00"), D("50.0")),
        ("道路维修", D("30.00"), D("30.0")),
        ("其他", D("20.00"), D("20.0")),
    ]


def test_bar_lengths_are_shares_of_the_largest():
    chart = chart_svg.layout(
        chart_svg.Chart(
            "k",
            "t",
            "d",
            [
                chart_svg.Bar("甲", D("100.00"), "income"),
                chart_svg.Bar("乙", D("50.00"), "expenditure"),
                chart_svg.Bar("丙", D("-25.00"), "balance"),
                chart_svg.Bar("丁", D("0.00"), "balance"),
            ],
        )
    )
    assert [b.width for b in chart.bars] == ["320.0", "160.0", "80.0", "0"]
    assert chart.bars[2].text == "丙：−25.00 元"


@pytest.mark.django_db
def test_disclosure_page_shows_charts_words_and_table(client):
    _index, _county, _township, (village,) = hierarchy()
    from disclosures.models import FinanceLine

    earlier = [
        FinanceLine(direction="expenditure", date="2023-11-02", item="电费", amount=D("312.00"))
    ]
    earlier += [
        FinanceLine(direction="income", date="2023-11-01", item="租金", amount=D("2000.00"))
    ]
    finance_disclosure(
        village,
        lines=earlier,
        title="2023年第四季度财务公开",
        period_year=2023,
        period_number=4,
        opening_balance=D("8311.00"),
        total_income=D("2000.00"),
        total_expenditure=D("312.00"),
        closing_balance=D("9999.00"),
        review_date="2024-01-05",
    )
    current = finance_disclosure(village)
    html = client.get(current.url).content.decode()
    assert "本季度支出比上季度增加 12.4%（350.70 元，上季度 312.00 元）" in html
    assert "去年同季度（2023年第一季度）没有可比较的财务公开" in html
    figures = re.findall(r'<figure class="dc-chart".*?</figure>', html, re.S)
    assert len(figures) == 4  # comparison, by item, per period, balance
    for figure in figures:
        assert '<ol class="dc-bars" aria-hidden="true">' in figure  # the table speaks
        assert 'viewBox="0 0 320 14"' in figure and "<table" in figure
        assert "style=" not in figure and "font-size" not in figure  # text is the page's own
    # the by-item chart: 办公用品 350.50 of 350.70 = 99.9 %, 手续费 0.20 = 0.1 %
    plain = re.sub(r"<[^>]+>", "", html)
    assert "办公用品：350.50 元（99.9%）" in plain
    assert "银行手续费：0.20 元（0.1%）" in plain
    assert (
        '<th scope="row">2023年第四季度</th><td class="num" data-label="收入">2,000.00 元</td>'
        in html
    )
    periods = next(f for f in figures if "各期收入与支出" in f)
    assert periods.index("<table") < periods.index("dc-bars")  # the plain table first
    charts_section = html.split('id="dc-charts"', 1)[1].split('id="dc-finance"', 1)[0]
    assert "<script" not in charts_section and "style=" not in charts_section
    notice = client.get(reverse("disclosures:notice", args=[current.pk])).content.decode()
    assert "本季度支出比上季度增加 12.4%" in notice and "dc-bars" in notice
    village_html = client.get(village.url).content.decode()
    assert "各期收入与支出" in village_html and "余额变化" in village_html
    assert "2024年第一季度期末：11,149.40 元" in re.sub(r"<[^>]+>", "", village_html)


@pytest.mark.django_db
def test_non_finance_pages_have_no_charts(client):
    _index, _county, _township, (village,) = hierarchy()
    party = finance_disclosure(village, category="party", lines=[], opening_balance=None)
    assert "dc-bars" not in client.get(party.url).content.decode()
    assert "dc-bars" not in client.get(village.url).content.decode()


def test_monthly_and_quarterly_periods_all_show_on_one_time_axis():
    quarterly = [page(1, 2024, 1, "100.00", "50.00"), page(2, 2024, 2, "200.00", "80.00")]
    monthly = page(3, 2024, 7, "30.00", "10.00", kind="month")
    periods, balance = chart_svg.village_charts([*quarterly, monthly])
    assert [row[0] for row in periods.table] == ["2024年第一季度", "2024年第二季度", "2024年7月"]
    assert [row[0] for row in balance.table] == ["2024年第一季度", "2024年第二季度", "2024年7月"]
    assert periods.table[0][1:] == ["100.00 元", "50.00 元", "1,050.00 元"]
    assert [b.label for b in periods.bars][-2:] == ["2024年7月 收入", "2024年7月 支出"]
    assert periods.note == ""


def test_more_periods_than_bars_are_said_and_kept_in_the_table():
    months = [
        page(n, 2024 + (n - 1) // 12, (n - 1) % 12 + 1, "10.00", "5.00", kind="month")
        for n in range(1, 16)
    ]
    periods = chart_svg.village_charts(months)[0]
    assert len(periods.table) == 15 and len(periods.bars) == 2 * chart_svg.MAX_PERIODS
    assert periods.note == "图中为最近 12 期，共 15 期，每一期都在上表中。"


@pytest.mark.django_db
def test_a_village_with_quarterly_history_and_a_new_monthly_disclosure_keeps_every_period(client):
    _index, _county, _township, (village,) = hierarchy()
    finance_disclosure(village)  # 2024年第一季度
    from disclosures.models import FinanceLine

    april = [
        FinanceLine(direction="income", date="2024-04-10", item="租金", amount=D("1000.00")),
        FinanceLine(direction="expenditure", date="2024-04-20", item="电费", amount=D("200.00")),
    ]
    monthly = finance_disclosure(
        village,
        lines=april,
        title="2024年4月财务公开",
        period_kind="month",
        period_number=4,
        opening_balance=D("11149.40"),
        total_income=D("1000.00"),
        total_expenditure=D("200.00"),
        closing_balance=D("11949.40"),
        review_date="2024-05-05",
    )
    html = client.get(village.url).content.decode()
    section = html.split('id="dc-charts"', 1)[1]
    assert "2024年第一季度" in section and "2024年4月" in section
    assert "2024年第一季度期末：11,149.40 元" in re.sub(r"<[^>]+>", "", section)
    assert "2024年4月 收入" in section
    page_html = client.get(monthly.url).content.decode()
    assert "2024年第一季度 收入" in page_html  # the quarter before the month stays
