"""发文字号 (document numbers): parsing, canonical form and discovery in free text.

The site's one grammar for document numbers: the policy form, the model, the importer and the
search analyser (``search.analysis.docnumbers``) all read and normalise them here.

The canonical form follows GB/T 9704-2012: the year in hexagonal brackets 〔〕, the serial
number in Arabic digits without leading zeros and without 第, followed by 号, e.g.
``成委发〔2017〕27号``. Decree numbers without a year (``国令第707号``) keep their 第.
"""

import re

__all__ = [
    "DOC_NUMBER_RE",
    "canonical_doc_number",
    "doc_number_parts",
    "doc_number_prefix",
    "doc_number_sort_key",
    "doc_number_sort_value",
    "doc_number_year",
    "find_doc_numbers",
]

# Brackets people type around the year, with their full-width and CJK variants.
_OPEN = "〔［\\[（(【〖｛{"
_CLOSE = "〕］\\]）)】〗｝}"
_DIGIT_TABLE = str.maketrans("０１２３４５６７８９", "0123456789")
_SPACE_RE = re.compile(r"[\s\u3000\u00a0]+")

# Issuer prefix: CJK characters (some issuers add Latin letters, e.g. "川办函"), 1–16 long.
_PREFIX = r"[\u4e00-\u9fffA-Za-z]{1,16}"

DOC_NUMBER_RE = re.compile(
    rf"(?P<prefix>{_PREFIX})\s*"
    rf"(?:[{_OPEN}]\s*(?P<year>[0-9０-９]{{4}})\s*[{_CLOSE}]\s*第?\s*(?P<serial>[0-9０-９]{{1,6}})"
    rf"|第\s*(?P<decree>[0-9０-９]{{1,6}}))"
    r"\s*[号號]"
)

# Words that can stand before a document number in running text but are not part of it.
_NOISE_RE = re.compile(
    "根据|依据|按照|依照|参照|参见|遵照|详见|根據|依據|印发|转发|轉發|文件|通知|请见|查询|搜索"
    "|以及|和|与|與|及|暨|或|的|是|为|為|见|即|按"
)

_MIN_YEAR, _MAX_YEAR = 1949, 2100
# A number already in canonical form (what ``_build`` writes).
_CANONICAL_RE = re.compile(
    r"(?P<prefix>.*?)(?:〔(?P<year>\d{4})〕(?P<serial>\d+)|第(?P<decree>\d+))号"
)


def _clean(value):
    return _SPACE_RE.sub("", value.translate(_DIGIT_TABLE))


def _build(prefix, year, serial, decree):
    if decree is not None:
        return f"{prefix}第{int(decree)}号"
    year_int = int(year.translate(_DIGIT_TABLE))
    if not _MIN_YEAR <= year_int <= _MAX_YEAR:
        raise ValueError(f"发文字号中的年份“{year}”不在{_MIN_YEAR}—{_MAX_YEAR}年之间")
    serial_int = int(serial.translate(_DIGIT_TABLE))
    if serial_int == 0:
        raise ValueError("发文字号的序号不能为0")
    return f"{prefix}〔{year_int}〕{serial_int}号"


def canonical_doc_number(s):
    """Return the canonical form of one document number, or raise ValueError (Chinese)."""
    if s is None or not str(s).strip():
        raise ValueError("发文字号不能为空")
    text = _clean(str(s))
    match = DOC_NUMBER_RE.fullmatch(text)
    if not match:
        raise ValueError(
            f"“{str(s).strip()}”不是有效的发文字号，应形如“成委发〔2017〕27号”或“国令第707号”"
        )
    return _build(
        match.group("prefix"), match.group("year"), match.group("serial"), match.group("decree")
    )


def _strip_noise(prefix):
    """Cut running text off the front of an issuer prefix found in free text."""
    cut = 0
    for match in _NOISE_RE.finditer(prefix):
        if len(prefix) - match.end() >= 2:
            cut = match.end()
    return prefix[cut:]


def find_doc_numbers(text):
    """Canonical forms of every document number in free text (e.g. a search query), in order."""
    if not text:
        return []
    found = []
    cleaned = str(text).translate(_DIGIT_TABLE)
    for match in DOC_NUMBER_RE.finditer(cleaned):
        prefix = _strip_noise(match.group("prefix"))
        try:
            number = _build(
                prefix, match.group("year"), match.group("serial"), match.group("decree")
            )
        except ValueError:
            continue
        if number not in found:
            found.append(number)
    return found


def doc_number_parts(canonical):
    """(issuer prefix, year or None, serial) of a canonical document number, or None."""
    match = _CANONICAL_RE.fullmatch(canonical or "")
    if not match:
        return None
    if match.group("decree") is not None:
        return match.group("prefix"), None, int(match.group("decree"))
    return match.group("prefix"), int(match.group("year")), int(match.group("serial"))


def doc_number_prefix(canonical):
    """The issuer prefix of a canonical document number (成委发, 国令), or ""."""
    parts = doc_number_parts(canonical)
    return parts[0] if parts else ""


def doc_number_year(canonical):
    """The year of a canonical document number, or None (e.g. for decree numbers)."""
    parts = doc_number_parts(canonical)
    return parts[1] if parts else None


def doc_number_sort_key(canonical):
    """Sort key: issuer prefix, year, serial number as integers (so 9号 sorts before 27号)."""
    parts = doc_number_parts(canonical)
    if parts is None:
        return (canonical or "", 0, 0)
    prefix, year, serial = parts
    return (prefix, year or 0, serial)


def doc_number_sort_value(canonical):
    """The sort key as one string, stored beside the number so the database can order by it."""
    if not canonical:
        return ""
    prefix, year, serial = doc_number_sort_key(canonical)
    return f"{prefix}|{year:04d}|{serial:08d}"
