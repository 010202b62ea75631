"""Workbooks a clerk or reader downloads: the import templates and every disclosure as .xlsx.

Amounts are written as numbers from ``Decimal`` with the format ``0.00`` (exact cents, a
spreadsheet can add them up); text goes through ``spreadsheet.text_cell`` — the same rule as
the CSV downloads — and is stored as a string cell, so nothing is ever evaluated as a formula.
The finance sheet uses the import layout, so a download can be uploaded again.
"""

import io
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from . import schedule
from .finance_csv import COLUMNS, DIRECTIONS, SUMMARY_ROWS
from .money import MAX_AMOUNT
from .spreadsheet import text_cell
from .xlsx_import import INSTRUCTIONS_SHEET, MAX_ROWS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FINANCE_SHEET, ITEMS_SHEET = "收支明细", "公开事项"
ITEM_COLUMNS = ["事项", "内容"]
AMOUNT_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
WIDTHS = {"类型": 12, "日期": 13, "摘要": 32, "金额": 14, "凭证号": 12, "往来单位": 24}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

FINANCE_NOTES = [
    "财务公开明细模板：填写“收支明细”工作表，上传到本村对应的财务公开（更多操作 → 导入收支明细）。",
    "类型：明细行填“收入”或“支出”；汇总行填“期初余额”“收入合计”“支出合计”“期末余额”，汇总行只填金额。",
    "日期：填写真实日期，如 2024-03-05；日期须在公开期间之内。",
    "金额：以元为单位，最多两位小数，不要写“元”或负号；支出也填正数，方向由“类型”表示。",
    "凭证号：按文本保存，前面的 0 会保留（如 0012）。",
    "请直接填写数值：不要使用公式、合并单元格、隐藏行列或隐藏工作表，否则不予导入。",
    "系统会核对：收入合计、支出合计与明细相符，期初余额 + 收入 − 支出 = 期末余额；"
    "任何一处不符都不会导入。",
    f"每个文件最多 {MAX_ROWS} 行；可以上传 .xlsx，也可以上传 CSV（UTF-8 或 GBK）。",
    "示例行是虚构的，请替换为本村实际数据。",
]
ITEM_NOTES = [
    "{label}公开事项模板：每行一项，“事项”必填（最多 200 字），“内容”可写多行。",
    "请直接填写文字：不要使用公式、合并单元格、隐藏行列或隐藏工作表。",
    "公开前请删除身份证号、手机号、银行账号等个人信息，或只保留前后几位。",
]


def _clean(text):
    """Text a workbook can hold: control characters become U+FFFD instead of failing."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def put(ws, row, column, value, number_format=None):
    """Write one cell: numbers as numbers, dates as dates, anything else as safe text."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, bool) or value is None:
        value = "" if value is None else str(value)
    if isinstance(value, (Decimal, int)):
        cell.value = Decimal(value)
        cell.number_format = number_format or AMOUNT_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = _clean(text_cell(value))
        cell.data_type = "s"
        cell.number_format = number_format or TEXT_FORMAT
    return cell


def _header(ws, columns, row=1):
    for index, name in enumerate(columns, start=1):
        cell = put(ws, row, index, name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[cell.column_letter].width = WIDTHS.get(name, 40)
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _notes(wb, lines):
    ws = wb.create_sheet(INSTRUCTIONS_SHEET)
    ws.column_dimensions["A"].width = 100
    for row, line in enumerate(lines, start=1):
        put(ws, row, 1, line).alignment = Alignment(wrap_text=True)
    put(ws, 1, 1, lines[0]).font = HEADER_FONT


def _finance_formats(ws, first, last):
    """Column formats for rows first..last: text 凭证号, real dates, two-decimal amounts."""
    for row in range(first, last + 1):
        ws.cell(row=row, column=1).number_format = TEXT_FORMAT
        ws.cell(row=row, column=2).number_format = DATE_FORMAT
        ws.cell(row=row, column=3).number_format = TEXT_FORMAT
        ws.cell(row=row, column=4).number_format = AMOUNT_FORMAT
        ws.cell(row=row, column=5).number_format = TEXT_FORMAT
        ws.cell(row=row, column=6).number_format = TEXT_FORMAT


def _finance_validation(ws, last):
    kinds = ",".join([*DIRECTIONS, *SUMMARY_ROWS])
    kind = DataValidation(type="list", formula1=f'"{kinds}"', allow_blank=True)
    kind.error, kind.errorTitle = f"类型只能是：{kinds}", "类型不正确"
    kind.prompt, kind.promptTitle = "从下拉列表选择收入、支出或汇总行", "类型"
    day = DataValidation(
        type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2099,12,31)"
    )
    day.error, day.errorTitle = "请填写真实日期，如 2024-03-05", "日期不正确"
    amount = DataValidation(
        type="decimal", operator="between", formula1=f"-{MAX_AMOUNT}", formula2=f"{MAX_AMOUNT}"
    )
    amount.error, amount.errorTitle = "金额须为数字，最多两位小数", "金额不正确"
    for validation, letter in ((kind, "A"), (day, "B"), (amount, "D")):
        validation.showErrorMessage = True
        validation.showInputMessage = bool(validation.prompt)
        validation.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(validation)


def _bytes(wb):
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def finance_template():
    wb = Workbook()
    ws = wb.active
    ws.title = FINANCE_SHEET
    _header(ws, COLUMNS)
    examples = [
        ["期初余额", None, "", Decimal("10000.00"), "", ""],
        ["收入", date(2024, 1, 15), "示例：集体资产租金", Decimal("1200.00"), "0001", "示例承租方"],
        ["支出", date(2024, 2, 3), "示例：办公用品", Decimal("350.50"), "0002", "示例商店"],
        ["收入合计", None, "", Decimal("1200.00"), "", ""],
        ["支出合计", None, "", Decimal("350.50"), "", ""],
        ["期末余额", None, "", Decimal("10849.50"), "", ""],
    ]
    for row, values in enumerate(examples, start=2):
        for column, value in enumerate(values, start=1):
            if value is not None:
                put(ws, row, column, value)
    last = 500
    _finance_formats(ws, len(examples) + 2, last)
    _finance_validation(ws, last)
    _notes(wb, FINANCE_NOTES)
    return _bytes(wb)


def items_template(category):
    label = schedule.CATEGORY_LABELS[category]
    wb = Workbook()
    ws = wb.active
    ws.title = ITEMS_SHEET
    _header(ws, ITEM_COLUMNS)
    put(ws, 2, 1, f"示例：{label}公开事项标题")
    put(ws, 2, 2, "示例：事项的具体内容，请替换为本村实际情况。")
    for row in range(3, 501):
        for column in (1, 2):
            ws.cell(row=row, column=column).number_format = TEXT_FORMAT
    length = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="200")
    length.error, length.errorTitle, length.showErrorMessage = "事项最多 200 字", "事项过长", True
    length.add("A2:A500")
    ws.add_data_validation(length)
    _notes(wb, [line.format(label=label) for line in ITEM_NOTES])
    return _bytes(wb)


def template_workbook(category):
    """The .xlsx template of a category (finance lines, or items for the other three)."""
    if category == schedule.FINANCE:
        return finance_template()
    return items_template(category)


def _info_sheet(ws, comments):
    ws.title = "公开信息"
    ws.column_dimensions["A"].width = 90
    for row, text in enumerate(comments, start=1):
        put(ws, row, 1, text)


def _finance_sheet(wb, rows, lead_columns=()):
    ws = wb.create_sheet(FINANCE_SHEET)
    _header(ws, [*lead_columns, *COLUMNS])
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            if value != "" and value is not None:
                put(ws, row, column, value)
    return ws


def disclosure_workbook(page, comments, finance_rows):
    """One disclosure: 公开信息 (source, version, hash), 公开事项, and 收支明细 if finance."""
    wb = Workbook()
    _info_sheet(wb.active, comments)
    items = list(page.items.all())
    if items:
        ws = wb.create_sheet(ITEMS_SHEET)
        _header(ws, ITEM_COLUMNS)
        for row, item in enumerate(items, start=2):
            put(ws, row, 1, item.title)
            put(ws, row, 2, item.body).alignment = Alignment(wrap_text=True)
    if finance_rows is not None:
        _finance_sheet(wb, finance_rows)
    return _bytes(wb)


def village_year_workbook(comments, rows):
    wb = Workbook()
    _info_sheet(wb.active, comments)
    _finance_sheet(wb, rows, lead_columns=("公开期间", "公开标题"))
    return _bytes(wb)
