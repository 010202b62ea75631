"""The query-string parameters of listing pages: year, page, sort and bounded whole numbers.

One parser for the whole site, so ``?year=²``, ``?page=①`` or a 20-digit page number mean the
same thing on news, policies, photos, disclosures and search: a value that is not what the
page expects. ``str.isdigit()`` accepts superscripts, circled and Arabic-Indic digits that
``int()`` then refuses or misreads; here only ASCII ``0-9`` count, and the number of digits is
bounded before anything is converted.

Two ways to use a bad value:

- ``parse_listing(params)`` (HTML listings): the value is ignored and a Chinese note explains
  what was shown instead; the page answers 200 with the note visible.
- ``parse_listing(params, strict=True)`` or the single ``parse_*`` functions: ``ParameterError``
  is raised; its ``message`` is the Chinese text of a 400 response (see ``listings.http``).

Pure functions: no database, no request, no settings.
"""

import datetime
from dataclasses import dataclass, field

YEAR_MIN = 1900
MAX_PAGE = 100_000
SHOWN = 20  # characters of a bad value quoted back to the reader

ASCII_DIGITS = frozenset("0123456789")


def year_max(today=None):
    """The latest year a listing accepts: next year (a document may be dated ahead)."""
    return (today or datetime.date.today()).year + 1


class ParameterError(ValueError):
    """A query-string value that cannot be honoured; ``message`` is shown to the reader."""

    def __init__(self, name, value, message):
        super().__init__(message)
        self.name = name
        self.value = value
        self.message = message


def shown(value):
    """A bad value as quoted back in a message: printable, and at most ``SHOWN`` characters."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text[:SHOWN] + ("…" if len(text) > SHOWN else "")


def clean_text(value, limit=100):
    """Free text from a query string: stripped, without NUL or other control characters, and at
    most ``limit`` characters (PostgreSQL refuses NUL in a query)."""
    text = "" if value is None else str(value)
    return "".join(ch for ch in text if ch.isprintable() or ch == " ").strip()[:limit]


def is_ascii_number(text):
    """True when ``text`` is one or more ASCII digits (not ², ①, ٣ or a sign)."""
    return bool(text) and set(text) <= ASCII_DIGITS


def _raw(value):
    if value is None:
        return ""
    return str(value).strip()


def parse_int(value, *, name, label, minimum, maximum):
    """A whole number between ``minimum`` and ``maximum``, or None when ``value`` is blank.

    Raises ``ParameterError`` for anything else, before converting more digits than
    ``maximum`` has.
    """
    text = _raw(value)
    if not text:
        return None
    if not is_ascii_number(text) or len(text.lstrip("0") or "0") > len(str(maximum)):
        raise ParameterError(
            name,
            text,
            f"{label}“{shown(text)}”无效：应为{minimum}到{maximum}之间的阿拉伯数字。",
        )
    number = int(text)
    if not minimum <= number <= maximum:
        raise ParameterError(
            name, text, f"{label}“{shown(text)}”无效：应在{minimum}到{maximum}之间。"
        )
    return number


def parse_year(value, *, today=None):
    """A year from ``YEAR_MIN`` to next year, or None when blank; the site's one year rule."""
    text = _raw(value)
    latest = year_max(today)
    try:
        return parse_int(text, name="year", label="年份", minimum=YEAR_MIN, maximum=latest)
    except ParameterError as error:
        raise ParameterError(
            "year", text, f"年份“{shown(text)}”无效：应为{YEAR_MIN}到{latest}年之间的四位数字。"
        ) from error


def parse_page(value, *, maximum=MAX_PAGE):
    """A page number from 1 to ``maximum``; 1 when blank."""
    text = _raw(value)
    try:
        number = parse_int(text, name="page", label="页码", minimum=1, maximum=maximum)
    except ParameterError as error:
        raise ParameterError(
            "page", text, f"页码“{shown(text)}”无效：应为1到{maximum}之间的数字。"
        ) from error
    return 1 if number is None else number


def parse_sort(value, choices, default):
    """One of ``choices`` (keys of a dict or any collection of names); ``default`` when blank."""
    text = _raw(value)
    if not text:
        return default
    if text not in choices:
        raise ParameterError("sort", text, f"排序方式“{shown(text)}”无效。")
    return text


@dataclass
class ListingQuery:
    """The typed year, page and sort of a listing, and notes on values that were ignored."""

    year: int | None = None
    page: int = 1
    sort: str = ""
    notes: list[str] = field(default_factory=list)


FALLBACK = {
    "year": "已显示全部年份。",
    "page": "已显示第1页。",
    "sort": "已按默认顺序排列。",
}


def parse_listing(params, *, sorts=(), default_sort="", strict=False, today=None, fallbacks=None):
    """Year, page and sort from a QueryDict (or dict).

    With ``strict=False`` a bad value falls back to its default and a note is added (its end
    from ``FALLBACK``, or from ``fallbacks`` where a listing words it its own way); with
    ``strict=True`` the first bad value raises ``ParameterError``. ``sorts`` empty means the
    listing has no sort choice and ``sort`` is ignored.
    """
    fallback = FALLBACK | (fallbacks or {})
    query = ListingQuery(sort=default_sort)
    steps = [
        ("year", lambda raw: parse_year(raw, today=today)),
        ("page", parse_page),
    ]
    if sorts:
        steps.append(("sort", lambda raw: parse_sort(raw, sorts, default_sort)))
    for name, parse in steps:
        try:
            setattr(query, name, parse(params.get(name)))
        except ParameterError as error:
            if strict:
                raise
            query.notes.append(f"{error.message}{fallback[name]}")
    return query
