"""The annual report's tables as an .xlsx workbook (openpyxl), one sheet per table."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import report_tables as tables

BOLD = Font(bold=True)


def _sheet(book, title, header, rows):
    sheet = book.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True)
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["A"].width = 60
    return sheet


def workbook_bytes(page):
    book = Workbook()
    book.remove(book.active)
    proactive = [
        [f"{article} {label}", *headings_numbers]
        for article, label, _headings, headings_numbers in page.proactive_table()
    ]
    _sheet(book, "二、主动公开", ["信息内容", "数量1", "数量2", "数量3"], proactive)
    applications = [
        ["　" * depth + label, *numbers] for label, depth, numbers in page.application_table()
    ]
    _sheet(book, "三、申请情况", ["项目", *tables.COLUMN_LABELS], applications)
    review = [[label, *numbers] for label, numbers in page.review_table()]
    _sheet(book, "四、复议诉讼", ["类别", *tables.REVIEW_RESULTS], review)
    info = book.create_sheet("说明", 0)
    info.append([page.title])
    info.append([f"报告机关：{page.organ}", f"年度：{page.year}"])
    if page.demo_label:
        info.append([page.demo_label])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
