"""The finance-lines CSV template: parsing with line-level errors (line, column, reason).

Columns (header names in Chinese, a few aliases accepted): 类型, 日期, 摘要, 金额, 凭证号,
往来单位. 类型 is 收入 or 支出 for a line, or one of 期初余额 / 收入合计 / 支出合计 / 期末余额
for a summary row that only needs 金额. Rows whose first cell starts with "#" are notes.
Files may be UTF-8 (with or without BOM) or GB18030 as saved by Excel.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .finance import (
    CLOSING,
    DIRECTION_BY_LABEL,
    OPENING,
    TOTAL_EXPENDITURE,
    TOTAL_INCOME,
    Line,
    line_name,
)
from .finance import check_table as _check_table
from .money import AmountError, parse_amount
from .spreadsheet import unquote

COLUMNS = ["类型", "日期", "摘要", "金额", "凭证号", "往来单位"]
_ALIASES = {
    "类型": ("类型", "收支", "收支类型", "direction"),
    "日期": ("日期", "发生日期", "date"),
    "摘要": ("摘要", "事项", "项目", "item"),
    "金额": ("金额", "金额（元）", "金额(元)", "amount"),
    "凭证号": ("凭证号", "凭证编号", "voucher"),
    "往来单位": ("往来单位", "对方单位", "往来单位或个人", "counterparty"),
}
REQUIRED_COLUMNS = ("类型", "金额")
DIRECTIONS = DIRECTION_BY_LABEL
SUMMARY_ROWS = {
    "期初余额": OPENING,
    "收入合计": TOTAL_INCOME,
    "支出合计": TOTAL_EXPENDITURE,
    "期末余额": CLOSING,
}
_DATE = re.compile(r"^(\d{4})(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})日?$")


@dataclass(frozen=True)
class CsvError:
    line: int
    column: str
    reason: str
    letter: str = ""  # the spreadsheet column (A, B, …) when read from a workbook

    def __str__(self):
        if self.letter:
            named = f"（{self.column}）" if self.column else ""
            return f"第 {self.line} 行 {self.letter} 列{named}：{self.reason}"
        where = f"第 {self.line} 行" + (f"，“{self.column}”列" if self.column else "")
        return f"{where}：{self.reason}"


@dataclass
class ParsedFinance:
    lines: list = field(default_factory=list)
    line_numbers: list = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    summary_lines: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    header: dict = field(default_factory=dict)  # column name → 0-based index in the row

    @property
    def ok(self):
        return not self.errors


def decode(data):
    """Bytes to text: UTF-8 (BOM optional), else GB18030 as Excel on Chinese Windows writes."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def parse_date(text):
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError("日期格式应为 2024-03-05")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise ValueError(f"日期“{text.strip()}”不存在") from exc


def _header_map(row):
    mapping, unknown = {}, []
    for index, name in enumerate(row):
        clean = name.strip()
        for canonical, aliases in _ALIASES.items():
            if clean in aliases or clean.lower() in aliases:
                mapping[canonical] = index
                break
        else:
            if clean:
                unknown.append(clean)
    return mapping, unknown


def parse_finance_csv(data, *, period_start=None, period_end=None, check_totals=True):
    """Parse a finance CSV; every problem is a CsvError and nothing is returned as usable then."""
    try:
        text = decode(data)
    except UnicodeDecodeError:
        return ParsedFinance(errors=[CsvError(1, "", "文件编码无法识别，请另存为 UTF-8 CSV")])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        return ParsedFinance(errors=[CsvError(reader.line_num, "", f"CSV 格式错误：{exc}")])
    return parse_finance_rows(
        rows, period_start=period_start, period_end=period_end, check_totals=check_totals
    )


def parse_finance_rows(rows, *, period_start=None, period_end=None, check_totals=True):
    """Parse ``(line number, cells)`` pairs of text in the template layout (CSV or workbook)."""
    result = ParsedFinance()
    header = None
    last = 1
    for line_no, row in rows:
        last = line_no
        if not any(cell.strip() for cell in row) or row[0].strip().startswith("#"):
            continue
        if header is None:
            header, unknown = _header_map(row)
            result.header = header
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                result.errors.append(
                    CsvError(
                        line_no,
                        "",
                        f"表头缺少“{'、'.join(missing)}”列，应为：{'，'.join(COLUMNS)}",
                    )
                )
                return result
            continue
        _parse_row(row, line_no, header, result)
    if header is None:
        result.errors.append(CsvError(1, "", "文件为空，缺少表头"))
    elif not result.lines and not result.errors:
        result.errors.append(CsvError(last, "", "没有任何收支明细行"))
    if check_totals and result.ok:
        _check_totals(result, period_start, period_end)
    return result


def _cell(row, header, column):
    index = header.get(column)
    if index is None or index >= len(row):
        return ""
    return unquote(row[index].strip())  # an export's '=… cells read back as written


def _parse_row(row, line_no, header, result):
    kind = _cell(row, header, "类型")
    amount_text = _cell(row, header, "金额")
    errors = []
    try:
        amount = parse_amount(amount_text)
    except AmountError as exc:
        errors.append(CsvError(line_no, "金额", str(exc)))
        amount = None
    if kind in SUMMARY_ROWS:
        key = SUMMARY_ROWS[kind]
        if key in result.summary_lines:
            errors.append(
                CsvError(
                    line_no, "类型", f"“{kind}”重复，已在第 {result.summary_lines[key]} 行填写"
                )
            )
        elif amount is not None:
            result.summary[key] = amount
            result.summary_lines[key] = line_no
        result.errors.extend(errors)
        return
    if kind not in DIRECTIONS:
        allowed = "、".join([*DIRECTIONS, *SUMMARY_ROWS])
        errors.append(
            CsvError(
                line_no,
                "类型",
                f"“{kind}”无法识别，应为：{allowed}" if kind else f"请填写类型（{allowed}）",
            )
        )
    elif amount is not None and amount <= 0:
        errors.append(CsvError(line_no, "金额", "明细金额应大于 0，收支方向由“类型”列表示"))
    item = _cell(row, header, "摘要")
    if not item:
        errors.append(CsvError(line_no, "摘要", "请填写摘要（事项）"))
    day = None
    date_text = _cell(row, header, "日期")
    if not date_text:
        errors.append(CsvError(line_no, "日期", "请填写日期"))
    else:
        try:
            day = parse_date(date_text)
        except ValueError as exc:
            errors.append(CsvError(line_no, "日期", str(exc)))
    if errors:
        result.errors.extend(errors)
        return
    result.lines.append(
        Line(
            DIRECTIONS[kind],
            amount,
            item,
            day,
            _cell(row, header, "凭证号"),
            _cell(row, header, "往来单位"),
        )
    )
    result.line_numbers.append(line_no)


def _check_totals(result, period_start, period_end):
    """Run the table checks and point each problem at its CSV line."""
    summary = result.summary
    problems = _check_table(
        summary.get(OPENING, Decimal("0.00")),
        result.lines,
        stated_income=summary.get(TOTAL_INCOME),
        stated_expenditure=summary.get(TOTAL_EXPENDITURE),
        stated_closing=summary.get(CLOSING),
        period_start=period_start,
        period_end=period_end,
        numbers=result.line_numbers,
    )
    columns = {"date": "日期", "amount": "金额", "item": "摘要", "direction": "类型"}
    for problem in problems:
        if problem.line is not None:
            line_no = result.line_numbers[problem.line]
            prefix = line_name(problem.line, result.lines[problem.line], line_no) + "："
            reason = problem.message.removeprefix(prefix)
            result.errors.append(CsvError(line_no, columns.get(problem.column, ""), reason))
        else:
            line_no = result.summary_lines.get(problem.field, 1)
            result.errors.append(CsvError(line_no, "金额", problem.message))


def template_csv():
    """The downloadable template (UTF-8 with BOM so Excel opens it), with example rows."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["# 财务公开明细模板（示例数据，请替换为本村实际数据）"])
    writer.writerow(["# 类型填写：收入、支出；汇总行填写：期初余额、收入合计、支出合计、期末余额"])
    writer.writerow(COLUMNS)
    writer.writerow(["期初余额", "", "", "10000.00", "", ""])
    writer.writerow(
        ["收入", "2024-01-15", "示例：集体资产租金", "1,200.00", "记-001", "示例承租方"]
    )
    writer.writerow(["支出", "2024-02-03", "示例：办公用品", "350.50", "记-002", "示例商店"])
    writer.writerow(["收入合计", "", "", "1200.00", "", ""])
    writer.writerow(["支出合计", "", "", "350.50", "", ""])
    writer.writerow(["期末余额", "", "", "10849.50", "", ""])
    return out.getvalue()
