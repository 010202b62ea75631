"""Excel both ways: templates, .xlsx import through the CSV checks, hostile files, downloads."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from disclosures.xlsx_export import template_workbook
from disclosures.xlsx_import import MAX_ROWS, parse_finance_upload

from .factories import finance_disclosure, hierarchy

D = Decimal
HEADER = ["类型", "日期", "摘要", "金额", "凭证号", "往来单位"]
GOOD = [
    ["期初余额", None, None, 10000, None, None],
    ["收入", datetime.datetime(2024, 1, 5), "租金", 100.5, "0012", "某公司"],
    ["支出", datetime.datetime(2024, 2, 1), "电费", 50, "0013", None],
    ["收入合计", None, None, 100.5, None, None],
    ["支出合计", None, None, 50, None, None],
    ["期末余额", None, None, 10050.5, None, None],
]


def workbook(rows=GOOD, header=HEADER, edit=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "收支明细"
    ws.append(header)
    for row in rows:
        ws.append(row)
    if edit:
        edit(wb, ws)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def errors(data, **kwargs):
    return [str(e) for e in parse_finance_upload(data, **kwargs).errors]


def test_a_filled_workbook_reads_exactly():
    parsed = parse_finance_upload(workbook())
    assert parsed.ok, parsed.errors
    assert [(ln.direction, ln.date, ln.amount, ln.voucher) for ln in parsed.lines] == [
        ("income", datetime.date(2024, 1, 5), D("100.50"), "0012"),
        ("expenditure", datetime.date(2024, 2, 1), D("50.00"), "0013"),
    ]
    assert parsed.summary["closing_balance"] == D("10050.50")


def test_errors_name_the_excel_cell():
    rows = [list(r) for r in GOOD]
    rows[1][3] = "一百元"  # row 3 of the sheet (header is row 1)
    rows[2][1] = "2024-02-30"
    assert errors(workbook(rows)) == [
        "第 3 行 D 列（金额）：金额“一百元”格式不正确，应为如“1234.50”或“1,234.50”的数字",
        "第 4 行 B 列（日期）：日期“2024-02-30”不存在",
    ]


def test_totals_that_do_not_add_up_name_the_total_cell():
    rows = [list(r) for r in GOOD]
    rows[4][3] = 60
    (message,) = errors(workbook(rows))
    assert message.startswith(
        "第 6 行 D 列（金额）：支出合计填写为 60.00 元，按明细计算应为 50.00 元"
    )


def test_amount_with_three_decimals_and_dates_outside_the_period():
    rows = [list(r) for r in GOOD]
    rows[1][3] = 100.125
    assert errors(workbook(rows)) == ["第 3 行 D 列（金额）：金额“100.125”超过两位小数"]
    found = errors(
        workbook(), period_start=datetime.date(2024, 1, 10), period_end=datetime.date(2024, 3, 31)
    )
    assert found == ["第 3 行 B 列（日期）：日期早于本期开始日"]


def test_merged_cells_formulas_and_hidden_things_are_refused():
    def merged(wb, ws):
        ws.merge_cells("C3:D3")

    assert errors(workbook(edit=merged)) == [
        "第 3 行 C 列：单元格 C3:D3 是合并单元格，请取消合并，每个单元格各填一项"
    ]

    def formula(wb, ws):
        ws["D5"] = "=SUM(D3:D3)"

    assert errors(workbook(edit=formula)) == [
        "第 5 行 D 列：单元格含有公式，请复制后“选择性粘贴—数值”，再上传"
    ]

    def hidden_sheet(wb, ws):
        wb.create_sheet("备用").sheet_state = "hidden"

    assert errors(workbook(edit=hidden_sheet)) == [
        "第 1 行：工作簿含有隐藏的工作表 “备用”，请取消隐藏或删除后再上传，以免漏看内容"
    ]

    def hidden_row(wb, ws):
        ws.row_dimensions[4].hidden = True

    found = errors(workbook(edit=hidden_row))
    assert found[0] == "第 4 行 A 列：单元格在隐藏的行或列中，请取消隐藏后再上传"


def test_too_many_rows_are_capped_with_a_message():
    rows = [["收入", datetime.datetime(2024, 1, 5), "租金", 1, "", ""]] * (MAX_ROWS + 1)
    (message,) = errors(workbook(rows))
    assert f"超过 {MAX_ROWS} 行的上限" in message and message.startswith("第 1 行：")


def test_macro_encrypted_and_non_spreadsheet_files():
    data = workbook()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\x00macro")
    assert "文件含有宏（VBA），不予导入" in errors(out.getvalue())[0]
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    encrypted = ole + "EncryptedPackage".encode("utf-16-le")
    assert "文件设置了打开密码（已加密）" in errors(encrypted)[0]
    assert "旧版 Excel 97-2003（.xls）" in errors(ole)[0]
    assert "不是 CSV 或 Excel 工作簿" in errors(b"%PDF-1.4\x00\x01binary")[0]
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert "这不是 Excel 工作簿（.xlsx）" in errors(other_zip.getvalue())[0]
    assert "文件已损坏" in errors(b"PK\x03\x04broken")[0]


def test_csv_still_reads_in_utf8_and_gbk():
    text = (
        "类型,日期,摘要,金额\n期初余额,,,10\n收入,2024-01-05,租金,1.00\n"
        "收入合计,,,1\n支出合计,,,0\n期末余额,,,11\n"
    )
    for encoding in ("utf-8-sig", "gbk"):
        parsed = parse_finance_upload(text.encode(encoding))
        assert parsed.ok and parsed.lines[0].item == "租金"


def test_finance_template_has_formats_validation_and_instructions():
    wb = load_workbook(io.BytesIO(template_workbook("finance")))
    assert wb.sheetnames == ["收支明细", "说明"]
    ws = wb["收支明细"]
    assert [c.value for c in ws[1]] == HEADER
    assert ws["E3"].value == "0001" and ws["E3"].data_type == "s"
    assert ws["E20"].number_format == "@"
    assert ws["B20"].number_format == "yyyy-mm-dd" and ws["D20"].number_format == "0.00"
    assert ws["B3"].value == datetime.datetime(2024, 1, 15)
    kinds = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert kinds and "收入,支出,期初余额" in kinds[0].formula1
    assert {dv.type for dv in ws.data_validations.dataValidation} == {"list", "date", "decimal"}
    assert "凭证号" in " ".join(str(c.value) for c in wb["说明"]["A"])
    # The template, as downloaded, imports cleanly (its sample rows add up).
    assert parse_finance_upload(template_workbook("finance")).ok
    items = load_workbook(io.BytesIO(template_workbook("party")))
    assert [c.value for c in items["公开事项"][1]] == ["事项", "内容"]
    assert "党务" in items["说明"]["A1"].value


@pytest.mark.django_db
def test_downloads_and_admin_import(client, admin_client):
    _index, _county, _township, (village,) = hierarchy()
    from disclosures.models import FinanceLine

    lines = [
        FinanceLine(
            direction="income",
            date="2024-01-15",
            item='=HYPERLINK("http://x")',
            amount=D("1500.10"),
            voucher="0042",
        ),
        FinanceLine(
            direction="expenditure", date="2024-02-03", item="办公用品", amount=D("350.70")
        ),
    ]
    page = finance_disclosure(village, lines=lines)
    response = client.get(reverse("disclosures:finance_export", args=[page.pk, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["收支明细"]
    assert ws["A3"].value == "收入" and ws["B3"].value == datetime.datetime(2024, 1, 15)
    assert ws["C3"].value == '\'=HYPERLINK("http://x")' and ws["C3"].data_type == "s"
    assert ws["D3"].value == 1500.1 and ws["D3"].number_format == "0.00"
    assert ws["E3"].value == "0042"
    assert any("SHA-256" in str(c.value) for c in wb["公开信息"]["A"])
    # The download imports again with the formula text restored, not evaluated.
    again = parse_finance_upload(response.content)
    assert again.ok and again.lines[0].item == '=HYPERLINK("http://x")'
    html = client.get(page.url).content.decode()
    assert reverse("disclosures:finance_export", args=[page.pk, "xlsx"]) in html
    assert reverse("disclosures:xlsx_template", args=["finance"]) in html
    village_html = client.get(village.url).content.decode()
    assert reverse("disclosures:xlsx_template", args=["service"]) in village_html
    year = client.get(reverse("disclosures:village_year", args=[village.pk, 2024, "xlsx"]))
    assert load_workbook(io.BytesIO(year.content))["收支明细"]["A1"].value == "公开期间"
    assert client.get("/siwu-data/template/nothing.xlsx").status_code == 404
    party = finance_disclosure(village, category="party", lines=[], opening_balance=None)
    assert (
        client.get(reverse("disclosures:finance_export", args=[party.pk, "xlsx"])).status_code
        == 200
    )

    url = reverse("disclosures_import_finance_csv", args=[page.pk])
    form = admin_client.get(url).content.decode()
    assert reverse("disclosures:xlsx_template", args=["finance"]) in form
    bad_rows = [list(r) for r in GOOD]
    bad_rows[1][3] = "abc"
    bad = admin_client.post(url, {"file": SimpleUploadedFile("q1.xlsx", workbook(bad_rows))})
    assert bad.status_code == 200
    assert "第 3 行 D 列（金额）：金额“abc”格式不正确" in bad.content.decode()
    page.refresh_from_db()
    assert len(page.get_latest_revision_as_object().finance_lines.all()) == 2
    good = admin_client.post(url, {"file": SimpleUploadedFile("q1.xlsx", workbook())})
    assert good.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert [(ln.item, ln.amount, ln.voucher) for ln in draft.finance_lines.all()] == [
        ("租金", D("100.50"), "0012"),
        ("电费", D("50.00"), "0013"),
    ]
    assert page.total_income == D("1500.10")  # the live page is untouched
