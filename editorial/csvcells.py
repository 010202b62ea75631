"""Cells of every CSV export that a spreadsheet shows as text, never runs as a formula.

Excel and WPS evaluate a cell starting with ``=``, ``+``, ``-`` or ``@`` (some also a leading
tab or carriage return), so a public title ``=HYPERLINK("http://…","点此")`` would become a live
link in an officer's spreadsheet. Text starting with one of those gets a leading apostrophe.
Numbers, dates and other non-text values are left as they are (a negative amount stays a number).

``protect_wagtail_exports`` applies this to every CSV download of the admin (Wagtail's
``SpreadsheetExportMixin``: the request and message queues, the reports, form submissions);
the xlsx downloads are already written as text cells by Wagtail.
"""

from functools import wraps

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def safe_cell(value):
    """``value`` with an apostrophe in front when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(DANGEROUS_STARTS):
        return QUOTE + value
    return value


def protect_wagtail_exports():
    """Quote-prefix formula cells in every CSV row Wagtail's export mixin writes (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.write_csv_row
    if getattr(original, "quotes_formulas", False):
        return

    @wraps(original)
    def write_csv_row(self, writer, row_dict):
        fmt = self.FORMAT_CSV
        safe = {f: safe_cell(self.preprocess_field_value(f, v, fmt)) for f, v in row_dict.items()}
        return writer.writerow(safe)

    write_csv_row.quotes_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row
