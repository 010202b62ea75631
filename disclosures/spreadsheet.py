"""Cells for CSV downloads that a spreadsheet shows as text or numbers, never runs as formulas.

Excel and WPS evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some treat a
leading tab or carriage return the same way), so ``=HYPERLINK(…)`` typed as a line item would
become a live link. Text cells starting with one of those get a leading apostrophe, which the
spreadsheet shows as text. Amounts are written from ``Decimal`` as plain numbers with their exact
cents, so ``-350.50`` stays a number a spreadsheet can add up; only values that are numbers
are exempt, never text that merely looks like one.
"""

from decimal import Decimal

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def text_cell(value):
    """A text cell that no spreadsheet evaluates."""
    text = "" if value is None else str(value)
    return QUOTE + text if text.startswith(DANGEROUS_STARTS) else text


def amount_cell(value):
    """An exact amount: ``Decimal`` with two places, left a number (sign included)."""
    if not isinstance(value, (Decimal, int)):
        raise TypeError("金额必须是 Decimal")
    return f"{Decimal(value):.2f}"


def cell(value):
    """Numbers as numbers, everything else as safe text."""
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return amount_cell(value)
    return text_cell(value)


def safe_rows(rows):
    return [[cell(value) for value in row] for row in rows]


def unquote(text):
    """The original text of a cell written by ``text_cell`` (for importing an export again)."""
    if text.startswith(QUOTE) and text[1:].startswith(DANGEROUS_STARTS):
        return text[1:]
    return text
