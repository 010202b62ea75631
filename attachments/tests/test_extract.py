"""What an editor sees recorded for each kind of attachment, good and bad."""

import io
import time

import pytest
from pypdf import PdfWriter

from attachments.extract import extract
from attachments.models import AttachmentText
from attachments.samples import docx_bytes, ofd_bytes, pdf_bytes
from attachments.tests.helpers import document, xlsx_rows, zip_of

pytestmark = pytest.mark.django_db


def read(name, data):
    return extract(document(name, data), force=True)


def test_pdf_text_is_read():
    lines = ["青稞晾晒场建设补助实施细则", "第一条 补助标准每平方米三十元。"]
    row = read("细则.pdf", pdf_bytes(lines))
    assert row.status == "done"
    assert "青稞晾晒场建设补助实施细则" in row.text
    assert "每平方米三十元" in row.text


def test_docx_text_is_read():
    row = read("办法.docx", docx_bytes(["牦牛保险理赔办法", "理赔时限为十个工作日。"]))
    assert row.status == "done"
    assert row.text.splitlines()[:2] == ["牦牛保险理赔办法", "理赔时限为十个工作日。"]


def test_ofd_text_is_read():
    row = read("通知.ofd", ofd_bytes(["关于电子公文归档的通知", "版式文件应当长期保存。"]))
    assert row.status == "done"
    assert "版式文件应当长期保存。" in row.text


def test_xlsx_cells_are_read():
    row = read("名单.xlsx", xlsx_rows(3, text="低保户"))
    assert row.status == "done"
    assert "低保户1" in row.text and "低保户3" in row.text


def test_uploading_a_document_reads_it_in_the_background_task():
    doc = document("上传.pdf", pdf_bytes(["上传后自动提取的文字"]))
    row = AttachmentText.objects.get(document=doc)
    assert row.status == "done"
    assert "上传后自动提取的文字" in row.text


def test_password_protected_pdf_is_a_recorded_failure():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="mima123", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    row = read("加密.pdf", out.getvalue())
    assert row.status == "failed"
    assert row.message == "PDF 文件设有打开密码，无法提取文字。"


def test_corrupt_pdf_is_a_recorded_failure():
    row = read("损坏.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog ")
    assert row.status == "failed"
    assert row.message == "PDF 文件已损坏，无法读取。"


def test_pdf_without_text_is_reported_as_a_scan():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    row = read("扫描.pdf", out.getvalue())
    assert row.status == "failed"
    assert row.message.startswith("扫描件无法提取文字")


def test_image_attachment_is_reported_as_a_scan():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(out, "PNG")
    row = read("扫描.png", out.getvalue())
    assert row.message.startswith("扫描件无法提取文字")


def test_zip_bomb_disguised_as_docx_is_refused_before_decompressing():
    bomb = zip_of({"word/document.xml": b"<" + b"0" * (40 * 1024 * 1024)})
    assert len(bomb) < 200_000
    started = time.monotonic()
    row = read("炸弹.docx", bomb)
    assert time.monotonic() - started < 2
    assert row.status == "failed"
    assert "疑似压缩炸弹" in row.message


def test_docx_with_an_entity_bomb_is_refused():
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    row = read("实体.docx", zip_of({"word/document.xml": xml}))
    assert row.status == "failed"
    assert row.message == "文件中的 XML 已损坏或含有不安全的内容，无法读取。"


def test_not_a_zip_docx_is_a_recorded_failure():
    row = read("假的.docx", b"this is not a zip")
    assert row.message == "DOCX 文件已损坏或不是有效的 DOCX 文件，无法读取。"


def test_xlsx_with_a_million_rows_is_read_up_to_the_cap(settings):
    settings.ATTACHMENTS_LIMITS = {"xlsx_rows": 2000}
    data = xlsx_rows(1_000_000)
    started = time.monotonic()
    row = read("百万行.xlsx", data)
    assert time.monotonic() - started < 20
    assert row.status == "partial"
    assert row.message == "表格超过 2000 行或 500000 个单元格，只提取了前面部分。"
    assert "示例2000" in row.text
    assert "示例2001" not in row.text


def test_text_is_capped(settings):
    settings.ATTACHMENTS_LIMITS = {"text_bytes": 1024 * 1024}
    row = read("长文.docx", docx_bytes(["长" * 1000] * 1000))
    assert row.status == "partial"
    assert len(row.text.encode()) <= 1024 * 1024
    assert row.message == "文字超过 1 MB，只保留了前面部分。"


def test_unsupported_format_says_what_to_do():
    row = read("旧格式.doc", b"\xd0\xcf\x11\xe0 old word")
    assert row.status == "failed"
    assert row.message == "暂不支持从 DOC 格式提取文字，请另存为 PDF、DOCX、XLSX 或 OFD 后上传。"


def test_slow_pdf_stops_at_the_time_budget(settings):
    settings.ATTACHMENTS_LIMITS = {"pdf_seconds": -1}
    row = read("慢.pdf", pdf_bytes(["第一页"]))
    assert row.status == "partial"
    assert row.message == "PDF 文字提取超时，只提取了前 0 页。"
