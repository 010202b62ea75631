"""CSV downloads: cells a spreadsheet would run are neutralised, amounts stay exact numbers."""

import csv
import datetime
import io
from decimal import Decimal

import pytest

from disclosures import models
from disclosures.finance_csv import parse_finance_csv
from disclosures.spreadsheet import cell, text_cell, unquote

from .factories import finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db
HOSTILE = ['=HYPERLINK("http://evil.example/","点我")', "+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("text", HOSTILE)
def test_dangerous_text_is_quoted_and_reads_back(text):
    assert text_cell(text) == "'" + text
    assert unquote(text_cell(text)) == text


def test_numbers_stay_numbers():
    assert cell(Decimal("-350.5")) == "-350.50"
    assert cell(Decimal("0.1") + Decimal("0.2")) == "0.30"
    assert cell("-350.50") == "'-350.50"  # text that looks like a number is still text
    assert cell("集体资产租金") == "集体资产租金"


def test_finance_csv_download_is_safe_and_exact(client):
    village = hierarchy()[3][0]
    line = models.FinanceLine(
        direction="income",
        date=datetime.date(2024, 1, 15),
        item=HOSTILE[0],
        amount=Decimal("1500.10"),
        voucher="@记-001",
        counterparty="-某公司",
    )
    page = finance_disclosure(
        village,
        lines=[line],
        opening_balance=Decimal("-100.00"),
        total_income=Decimal("1500.10"),
        total_expenditure=Decimal("0"),
        closing_balance=Decimal("1400.10"),
    )
    response = client.get(f"/siwu-data/disclosure/{page.pk}.csv")
    text = (
        b"".join(response).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    rows = list(csv.reader(io.StringIO(text)))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert "'" + HOSTILE[0] in cells and "'@记-001" in cells and "'-某公司" in cells
    assert ["期初余额", "", "", "-100.00", "", ""] in rows  # negative, still a number
    assert "1500.10" in cells
    parsed = parse_finance_csv(
        text.encode("utf-8"),
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 3, 31),
    )
    assert parsed.ok, parsed.errors
    assert parsed.lines[0].item == HOSTILE[0]  # the export imports again unchanged
