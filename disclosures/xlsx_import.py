"""Reading an uploaded finance table: .xlsx workbooks and CSV, through the same checks.

A workbook is refused, with a Chinese message naming the cell where there is one, when it is
not what a clerk filled in by hand: a macro-enabled or encrypted file, a hidden sheet, hidden
rows or columns with content, merged cells, formulas, or more than ``MAX_ROWS`` rows. Otherwise
its cells become the text the CSV reader sees (real dates as ``2024-03-05``, numbers with their
exact digits) and ``finance_csv.parse_finance_rows`` checks lines and totals. Errors point at
the Excel cell, e.g. “第 5 行 D 列（金额）：…”.
"""

import datetime
import io
import zipfile
from dataclasses import replace
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .finance_csv import CsvError, ParsedFinance, parse_finance_csv, parse_finance_rows

MAX_ROWS = 10_000
# A 1 MB upload that inflates past this is not a hand-made table (zip bomb guard).
MAX_UNPACKED = 64 * 1024 * 1024
DATA_SHEETS = ("收支明细", "公开事项")
INSTRUCTIONS_SHEET = "说明"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class WorkbookError(ValueError):
    """A workbook that must not be imported; ``errors`` are CsvErrors."""

    def __init__(self, errors):
        super().__init__("；".join(str(e) for e in errors))
        self.errors = errors


def _whole(reason):
    return WorkbookError([CsvError(1, "", reason)])


def sniff(data):
    """``"xlsx"``, ``"ole"`` (encrypted or old .xls), ``"binary"`` or ``"text"``."""
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if b"\x00" in data[:4096]:
        return "binary"
    return "text"


def _check_package(data):
    if sniff(data) == "ole":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _whole(
                "文件设置了打开密码（已加密），无法读取。请在 Excel 中取消密码后另存为 .xlsx"
            )
        raise _whole("这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后上传")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _whole("文件已损坏或不是 Excel 工作簿（.xlsx）") from exc
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _whole("文件含有宏（VBA），不予导入。请另存为不含宏的“Excel 工作簿（.xlsx）”")
    if "xl/workbook.xml" not in names:
        raise _whole("这不是 Excel 工作簿（.xlsx），请用模板填写后上传")
    if unpacked > MAX_UNPACKED:
        raise _whole("工作簿解压后过大，不像手工填写的表格，未导入")


def _open(data):
    _check_package(data)
    try:
        return load_workbook(io.BytesIO(data), data_only=False, keep_vba=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _whole("无法读取该 Excel 文件，文件可能已损坏，请在 Excel 中另存为 .xlsx") from exc


def data_sheet(workbook):
    """The sheet to import: the template's data sheet, else the only other visible one."""
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    if hidden:
        names = "、".join(f"“{t}”" for t in hidden)
        raise _whole(f"工作簿含有隐藏的工作表 {names}，请取消隐藏或删除后再上传，以免漏看内容")
    for name in DATA_SHEETS:
        if name in workbook.sheetnames:
            return workbook[name]
    candidates = [ws for ws in workbook.worksheets if ws.title != INSTRUCTIONS_SHEET]
    if len(candidates) != 1:
        raise _whole(
            f"找不到要导入的工作表：请把明细放在名为“{DATA_SHEETS[0]}”的工作表中（可下载模板）"
        )
    return candidates[0]


def cell_text(value):
    """A cell value as the text a clerk would have typed into a CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            return value.isoformat(sep=" ")
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        # The shortest repr is what Excel shows; Decimal keeps it exact (350.5 → "350.5").
        text = repr(value)
        if "e" in text or "E" in text:
            return format(Decimal(text), "f")
        return text
    if isinstance(value, (int, Decimal)):
        return str(value)
    return str(value)


def _structure_errors(ws):
    errors = []
    for merged in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        errors.append(
            CsvError(
                merged.min_row,
                "",
                f"单元格 {merged.coord} 是合并单元格，请取消合并，每个单元格各填一项",
                get_column_letter(merged.min_col),
            )
        )
    hidden_rows = {n for n, dim in ws.row_dimensions.items() if dim.hidden}
    hidden_cols = set()
    for key, dim in ws.column_dimensions.items():
        if dim.hidden:
            start, end = dim.min or 0, dim.max or 0
            hidden_cols |= set(range(start, end + 1)) if start else {key}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value[:1] == "="):
                errors.append(
                    CsvError(
                        cell.row,
                        "",
                        "单元格含有公式，请复制后“选择性粘贴—数值”，再上传",
                        cell.column_letter,
                    )
                )
            elif cell.row in hidden_rows or cell.column in hidden_cols:
                errors.append(
                    CsvError(
                        cell.row,
                        "",
                        "单元格在隐藏的行或列中，请取消隐藏后再上传",
                        cell.column_letter,
                    )
                )
    return errors


def sheet_rows(data):
    """``(row number, cell texts)`` of the data sheet, or raise WorkbookError."""
    workbook = _open(data)
    ws = data_sheet(workbook)
    if ws.max_row > MAX_ROWS + 1:
        raise _whole(
            f"工作表“{ws.title}”有 {ws.max_row} 行，超过 {MAX_ROWS} 行的上限；"
            "请按期间分成多份公开，或删除多余的空行"
        )
    errors = _structure_errors(ws)
    if errors:
        raise WorkbookError(errors)
    return [
        (index, [cell_text(value) for value in row])
        for index, row in enumerate(ws.iter_rows(values_only=True), start=1)
    ]


def _with_letters(parsed):
    """Name the Excel column of each error from the header, e.g. 金额 → D."""
    letters = {name: get_column_letter(index + 1) for name, index in parsed.header.items()}
    parsed.errors = [replace(e, letter=letters.get(e.column, "")) for e in parsed.errors]
    return parsed


def parse_finance_upload(data, *, period_start=None, period_end=None):
    """Parse an uploaded .xlsx or CSV file into a ParsedFinance (errors in Chinese)."""
    kind = sniff(data)
    if kind == "text":
        return parse_finance_csv(data, period_start=period_start, period_end=period_end)
    if kind == "binary":
        reason = "文件不是 CSV 或 Excel 工作簿（.xlsx），请用模板填写后上传"
        return ParsedFinance(errors=[CsvError(1, "", reason)])
    try:
        rows = sheet_rows(data)
    except WorkbookError as exc:
        return ParsedFinance(errors=exc.errors)
    parsed = parse_finance_rows(rows, period_start=period_start, period_end=period_end)
    return _with_letters(parsed)
