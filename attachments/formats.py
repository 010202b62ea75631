"""Readers for each format: text goes into a TextBuffer; unreadable files raise ExtractionError.

PDF through pypdf; DOCX and OFD are zips of XML parsed with defusedxml (no entities, no DTDs),
streamed element by element; XLSX likewise (``attachments.xlsx``) with a row and cell cap.
Every zip is checked for declared sizes before anything is decompressed.
"""

import logging
import re
import time

from .text import ExtractionError, limit
from .xmlsafe import xml_events
from .zips import open_member, open_zip

logger = logging.getLogger(__name__)
SCAN = "扫描件无法提取文字"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_pdf(stream, buffer):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(stream)
        if reader.is_encrypted and not _unlocked(reader):
            raise ExtractionError("PDF 文件设有打开密码，无法提取文字。")
        pages = reader.pages
        count = len(pages)
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, OSError, RecursionError) as exc:
        raise ExtractionError("PDF 文件已损坏，无法读取。") from exc
    _pdf_pages(pages, count, buffer)
    if count and not buffer.value() and not buffer.note:
        raise ExtractionError(f"{SCAN}（PDF 中没有文字层，可能是扫描件）。")


def _unlocked(reader):
    """True when the PDF opens with an empty password (only editing is restricted)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # unsupported encryption: treated as locked
        return False


def _pdf_pages(pages, count, buffer):
    most = limit("pdf_pages", 2000)
    deadline = time.monotonic() + limit("pdf_seconds", 120)
    for number in range(min(count, most)):
        if time.monotonic() > deadline:
            buffer.stop(f"PDF 文字提取超时，只提取了前 {number} 页。")
            return
        try:
            text = pages[number].extract_text() or ""
        except Exception:  # one broken page must not lose the others
            logger.warning("attachments: PDF page %s unreadable", number + 1)
            continue
        buffer.add(text + "\n")
    if count > most:
        buffer.stop(f"PDF 共 {count} 页，只提取了前 {most} 页的文字。")


def _xml_texts(member, wanted, breaks):
    """Text of every element whose tag is in wanted; a newline after each tag in breaks."""
    for tag, element in xml_events(member):
        if tag in wanted and element.text:
            yield element.text
        elif tag in breaks:
            yield "\n"
            element.clear()


def read_docx(stream, buffer):
    archive = open_zip(stream, "DOCX")
    with archive, open_member(archive, "word/document.xml", "DOCX") as member:
        for text in _xml_texts(member, {"t"}, {"p", "tr"}):
            buffer.add(text)


_OFD_PAGE = re.compile(r"(?i)^(.*?)/pages/page_?(\d+)/content\.xml$")


def _ofd_pages(names):
    found = []
    for name in names:
        match = _OFD_PAGE.match(name)
        if match:
            found.append((match.group(1), int(match.group(2)), name))
    return [name for _doc, _n, name in sorted(found)]


def read_ofd(stream, buffer):
    archive = open_zip(stream, "OFD")
    with archive:
        pages = _ofd_pages(archive.namelist())
        if "OFD.xml" not in archive.namelist() and not pages:
            raise ExtractionError("OFD 文件缺少 OFD.xml，文件已损坏，无法读取。")
        for name in pages:
            with open_member(archive, name, "OFD") as member:
                for text in _xml_texts(member, {"TextCode"}, {"TextObject"}):
                    buffer.add(text)
            buffer.add("\n")
    if pages and not buffer.value():
        raise ExtractionError(f"{SCAN}（OFD 中只有图像，没有文字）。")
