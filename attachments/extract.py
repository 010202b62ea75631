"""Read one document's text into its AttachmentText row (never raises for a bad file)."""

import logging
import os

from django.utils import timezone

from .formats import SCAN, read_docx, read_ofd, read_pdf
from .models import AttachmentText, Status
from .text import MB, ExtractionError, TextBuffer, TextFull, limit
from .xlsx import read_xlsx

logger = logging.getLogger(__name__)
READERS = {"pdf": read_pdf, "docx": read_docx, "xlsx": read_xlsx, "ofd": read_ofd}
IMAGES = {"jpg", "jpeg", "png", "tif", "tiff", "bmp", "gif"}


def extension(document):
    return os.path.splitext(document.file.name or "")[1].lower().lstrip(".")


def unsupported_message(ext):
    if ext in IMAGES:
        return f"{SCAN}（图片格式，没有文字层）。"
    shown = ext.upper() or "无扩展名"
    return f"暂不支持从 {shown} 格式提取文字，请另存为 PDF、DOCX、XLSX 或 OFD 后上传。"


def read_text(document):
    """(status, text, message) for a document's file."""
    ext = extension(document)
    reader = READERS.get(ext)
    if reader is None:
        return Status.FAILED, "", unsupported_message(ext)
    try:
        size = document.file.size
    except (OSError, ValueError):
        return Status.FAILED, "", "附件的文件不存在，无法提取文字。"
    if size > limit("file_bytes", 200 * MB):
        return Status.FAILED, "", f"文件过大（约 {size // MB} MB），没有提取文字。"
    buffer = TextBuffer()
    try:
        with document.file.open("rb") as stream:
            reader(stream, buffer)
    except TextFull:
        pass
    except ExtractionError as exc:
        return Status.FAILED, "", str(exc)
    except Exception:  # a reader bug must not crash the worker
        logger.exception("attachments: reading document %s failed", document.pk)
        return Status.FAILED, "", "读取文件时出错，无法提取文字。"
    status = Status.PARTIAL if buffer.note else Status.DONE
    return status, buffer.value(), buffer.note


def file_hash(document):
    return document.file_hash or ""


def extract(document, force=False):
    """Read the document unless its current file was read already. Returns the row."""
    row, _created = AttachmentText.objects.get_or_create(document=document)
    fingerprint = file_hash(document)
    if not force and row.status != Status.PENDING and fingerprint and row.file_hash == fingerprint:
        return row
    row.status, row.text, row.message = read_text(document)
    row.message = row.message[:300]
    row.file_hash = fingerprint
    row.extracted_at = timezone.now()
    row.save()
    return row
