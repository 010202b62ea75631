"""The finance CSV template: parsing and line-level errors."""

from datetime import date
from decimal import Decimal

from disclosures.finance import EXPENDITURE, INCOME
from disclosures.finance_csv import parse_finance_csv, template_csv

HEADER = "类型,日期,摘要,金额,凭证号,往来单位\n"


def test_template_parses_cleanly_and_has_a_bom():
    text = template_csv()
    assert text.startswith("\ufeff")
    assert "示例数据" in text
    parsed = parse_finance_csv(text.encode("utf-8"))
    assert parsed.ok, [str(e) for e in parsed.errors]
    assert [ln.direction for ln in parsed.lines] == [INCOME, EXPENDITURE]
    assert parsed.lines[0].amount == Decimal("1200.00")
    assert parsed.lines[0].voucher == "记-001"
    assert parsed.summary["closing_balance"] == Decimal("10849.50")


def test_gb18030_file_from_excel():
    data = (HEADER + "收入,2024/1/5,租金,100,1,某公司\n").encode("gb18030")
    parsed = parse_finance_csv(data)
    assert parsed.ok
    assert parsed.lines[0].date == date(2024, 1, 5)
    assert parsed.lines[0].counterparty == "某公司"


def test_aliases_and_column_order():
    data = "金额(元),收支,事项,日期\n1,234.5,收入,租金,2024年3月5日\n".replace(
        "1,234.5", '"1,234.5"'
    )
    parsed = parse_finance_csv(data)
    assert parsed.ok, [str(e) for e in parsed.errors]
    assert parsed.lines[0].amount == Decimal("1234.50")
    assert parsed.lines[0].date == date(2024, 3, 5)


def test_each_bad_cell_is_reported_with_line_and_column():
    data = HEADER + (
        "# 说明行\n"
        "收入,2024-01-05,租金,100.005,,\n"  # line 3
        "退款,2024-01-06,押金,5,,\n"  # line 4
        "支出,2024-02-30,办公用品,5,,\n"  # line 5
        "支出,,,-5,,\n"  # line 6
        "\n"
        "期末余额,,,abc,,\n"  # line 8
    )
    parsed = parse_finance_csv(data)
    assert not parsed.ok
    got = [(e.line, e.column) for e in parsed.errors]
    assert got == [
        (3, "金额"),
        (4, "类型"),
        (5, "日期"),
        (6, "金额"),
        (6, "摘要"),
        (6, "日期"),
        (8, "金额"),
    ]
    texts = [str(e) for e in parsed.errors]
    assert texts[0] == "第 3 行，“金额”列：金额“100.005”超过两位小数"
    assert "“退款”无法识别" in texts[1]
    assert "日期“2024-02-30”不存在" in texts[2]


def test_wrong_total_is_reported_on_its_summary_row():
    data = HEADER + (
        "期初余额,,,1000,,\n"
        "收入,2024-01-05,租金,100.00,,\n"
        "收入,2024-01-09,补助,50.00,,\n"
        "收入合计,,,100.00,,\n"  # line 5: should be 150.00
        "期末余额,,,1150.00,,\n"
    )
    parsed = parse_finance_csv(data)
    assert [(e.line, e.column) for e in parsed.errors] == [(5, "金额")]
    assert "收入合计填写为 100.00 元，按明细计算应为 150.00 元" in parsed.errors[0].reason
    assert "第 4 行（收入“补助”）" in parsed.errors[0].reason


def test_line_outside_the_period_points_at_the_csv_line():
    data = HEADER + "收入,2024-01-05,租金：一月,100.00,,\n收入,2024-04-01,租金：四月,100.00,,\n"
    parsed = parse_finance_csv(data, period_start=date(2024, 1, 1), period_end=date(2024, 3, 31))
    assert [str(e) for e in parsed.errors] == ["第 3 行，“日期”列：日期晚于本期结束日"]


def test_duplicate_summary_row():
    data = HEADER + "期初余额,,,1,,\n期初余额,,,2,,\n收入,2024-01-05,租金,1,,\n"
    parsed = parse_finance_csv(data)
    assert [str(e) for e in parsed.errors] == ["第 3 行，“类型”列：“期初余额”重复，已在第 2 行填写"]


def test_missing_header_columns_and_empty_files():
    assert "表头缺少“金额”列" in str(parse_finance_csv("类型,日期,摘要\n").errors[0])
    assert "文件为空" in str(parse_finance_csv(b"").errors[0])
    assert "没有任何收支明细行" in str(parse_finance_csv(HEADER + "期初余额,,,1,,\n").errors[0])
