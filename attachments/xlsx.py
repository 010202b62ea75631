"""XLSX read as a stream: shared strings, then each worksheet's cells, with a row and cell cap.

openpyxl's read-only mode first scans a whole sheet for its size when the file does not declare
it (a hostile file with a million rows and no ``<dimension>`` takes a minute), so the sheets are
parsed here with defusedxml, element by element, and reading stops at the caps.
"""

import re

from .text import MB, ExtractionError, limit
from .xmlsafe import xml_events
from .zips import open_member, open_zip

_SHEET = re.compile(r"^xl/worksheets/sheet(\d+)\.xml$")


def _shared_strings(archive):
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings, parts, size = [], [], 0
    most = limit("xlsx_shared_bytes", 20 * MB)
    with open_member(archive, "xl/sharedStrings.xml", "XLSX") as member:
        for tag, element in xml_events(member):
            if tag == "t" and element.text:
                parts.append(element.text)
            elif tag == "si":
                text = "".join(parts)
                size += len(text)
                strings.append(text if size <= most else "")
                parts = []
                element.clear()
    return strings


def _sheets(archive):
    found = [(int(m.group(1)), name) for name in archive.namelist() if (m := _SHEET.match(name))]
    return [name for _n, name in sorted(found)]


def _cell_text(element, kind, strings):
    if kind == "inlineStr":
        return "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))
    value = next((c.text for c in element if c.tag.endswith("}v")), None)
    if kind == "s" and value and value.isdigit():
        index = int(value)
        return strings[index] if index < len(strings) else ""
    return value or ""


class _Counter:
    def __init__(self):
        self.rows = self.cells = 0
        self.most_rows = limit("xlsx_rows", 50000)
        self.most_cells = limit("xlsx_cells", 500000)

    def over(self):
        return self.rows > self.most_rows or self.cells > self.most_cells

    @property
    def note(self):
        return f"表格超过 {self.most_rows} 行或 {self.most_cells} 个单元格，只提取了前面部分。"


def _read_sheet(member, strings, counter, buffer):
    """Add the sheet's rows; False when a cap stopped reading."""
    row = []
    for tag, element in xml_events(member):
        if tag == "c":
            counter.cells += 1
            text = _cell_text(element, element.get("t"), strings)
            if text:
                row.append(text)
            element.clear()
        elif tag == "row":
            counter.rows += 1
            if counter.over():
                return False
            if row:
                buffer.add("\t".join(row) + "\n")
            row = []
            element.clear()
    return True


def read_xlsx(stream, buffer):
    archive = open_zip(stream, "XLSX")
    with archive:
        sheets = _sheets(archive)
        if not sheets:
            raise ExtractionError("XLSX 文件中没有工作表，文件已损坏，无法读取。")
        strings = _shared_strings(archive)
        counter = _Counter()
        for name in sheets:
            with open_member(archive, name, "XLSX") as member:
                if not _read_sheet(member, strings, counter, buffer):
                    buffer.stop(counter.note)
                    return
