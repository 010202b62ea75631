"""Finance table arithmetic and the checks an editor sees."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from disclosures.finance import (
    CLOSING,
    EXPENDITURE,
    INCOME,
    TOTAL_EXPENDITURE,
    TOTAL_INCOME,
    Line,
    check_table,
    compute_totals,
)

D = Decimal


def lines():
    return [
        Line(INCOME, D("1200.00"), "集体资产租金", date(2024, 1, 15)),
        Line(INCOME, D("300.10"), "上级补助", date(2024, 2, 1)),
        Line(EXPENDITURE, D("350.50"), "办公用品", date(2024, 2, 3)),
        Line(EXPENDITURE, D("0.20"), "银行手续费", date(2024, 3, 1)),
    ]


def test_totals_are_exact_decimals():
    totals = compute_totals(D("10000.00"), lines())
    assert totals.income == D("1500.10")
    assert totals.expenditure == D("350.70")
    assert totals.closing == D("11149.40")
    # The classic float trap: 0.1 + 0.2 is exact here.
    small = [Line(INCOME, D("0.10"), "a"), Line(INCOME, D("0.20"), "b")]
    assert compute_totals(D("0"), small).income == D("0.30")


def test_matching_table_has_no_problems():
    problems = check_table(
        D("10000.00"),
        lines(),
        stated_income=D("1500.10"),
        stated_expenditure=D("350.70"),
        stated_closing=D("11149.40"),
        period_start=date(2024, 1, 1),
        period_end=date(2024, 3, 31),
    )
    assert problems == []


def test_wrong_income_total_names_the_total_and_the_difference():
    problems = check_table(
        D("10000.00"),
        lines(),
        stated_income=D("1500.00"),
        stated_expenditure=D("350.70"),
        stated_closing=D("11149.40"),
    )
    assert [p.field for p in problems] == [TOTAL_INCOME]
    message = problems[0].message
    assert "收入合计填写为 1,500.00 元" in message
    assert "按明细计算应为 1,500.10 元" in message
    assert "相差 -0.10 元" in message


def test_total_missing_one_line_points_at_that_line():
    problems = check_table(D("0"), lines(), stated_income=D("1200.00"))
    assert len(problems) == 1
    assert "第 2 行（收入“上级补助”）" in problems[0].message
    assert "漏计" in problems[0].message


def test_expenditure_counted_as_income_is_suggested():
    problems = check_table(D("0"), lines(), stated_income=D("1850.60"))
    assert "第 3 行（支出“办公用品”）" in problems[0].message
    assert "计入了收入" in problems[0].message


def test_transposed_digits_hint():
    problems = check_table(D("0"), lines(), stated_expenditure=D("530.70"))
    assert problems[0].field == TOTAL_EXPENDITURE
    assert "被 9 整除" in problems[0].message


def test_wrong_closing_balance_shows_the_formula():
    problems = check_table(
        D("10000.00"),
        lines(),
        stated_income=D("1500.10"),
        stated_expenditure=D("350.70"),
        stated_closing=D("11149.00"),
    )
    assert [p.field for p in problems] == [CLOSING]
    assert (
        "应为期初余额 10,000.00 元 + 收入 1,500.10 元 − 支出 350.70 元 = 11,149.40 元"
        in problems[0].message
    )


def test_line_problems_name_the_line_and_column():
    bad = [
        Line(INCOME, D("0.00"), "零元收入", date(2024, 1, 2)),
        Line(EXPENDITURE, D("5.00"), "", date(2024, 1, 2)),
        Line(EXPENDITURE, D("5.00"), "跨期", date(2024, 4, 1)),
        Line("refund", D("5.00"), "退款", date(2024, 1, 2)),
    ]
    problems = check_table(
        D("0"),
        bad,
        stated_income=D("0"),
        period_start=date(2024, 1, 1),
        period_end=date(2024, 3, 31),
    )
    found = {(p.line, p.column) for p in problems}
    assert found == {(0, "amount"), (1, "item"), (2, "date"), (3, "direction")}
    assert any(p.message == "第 3 行（支出“跨期”）：日期晚于本期结束日" for p in problems)
    # Totals are not judged while a line amount is unreadable.
    assert all(p.field == "line" for p in problems)


cents = st.integers(min_value=1, max_value=10**9).map(lambda c: Decimal(c).scaleb(-2))


@given(
    st.lists(st.tuples(st.sampled_from([INCOME, EXPENDITURE]), cents), max_size=30),
    st.integers(min_value=-(10**8), max_value=10**8).map(lambda c: Decimal(c).scaleb(-2)),
)
def test_computed_totals_always_check_out(pairs, opening):
    table = [Line(direction, amount, f"事项{i}") for i, (direction, amount) in enumerate(pairs)]
    totals = compute_totals(opening, table)
    assert totals.closing == opening + totals.income - totals.expenditure
    assert (
        check_table(
            opening,
            table,
            stated_income=totals.income,
            stated_expenditure=totals.expenditure,
            stated_closing=totals.closing,
        )
        == []
    )
    wrong = totals.closing + Decimal("0.01")
    assert [p.field for p in check_table(opening, table, stated_closing=wrong)] == [CLOSING]
