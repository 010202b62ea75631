"""A disclosure record's period is parsed once and its finance CSV read once per import."""

from unittest import mock

import pytest

from disclosures import finance_csv, importers
from disclosures.models import DisclosurePage
from importing import import_files

from .test_import import record, write

pytestmark = pytest.mark.django_db

CSV = (
    "类型,日期,摘要,金额\n期初余额,,,1000\n收入,2024-01-05,租金,100.50\n"
    "支出,2024-02-05,电费,20\n收入合计,,,100.50\n支出合计,,,20\n期末余额,,,1080.50\n"
)


def test_period_and_finance_csv_are_read_once_for_check_and_save(tmp_path):
    (tmp_path / "q1.csv").write_text(CSV, "utf-8")
    rec = record(finance_csv="q1.csv")
    del rec["finance"]
    with (
        mock.patch.object(importers, "parse_period", wraps=importers.parse_period) as periods,
        mock.patch.object(
            importers, "parse_finance_csv", wraps=finance_csv.parse_finance_csv
        ) as csvs,
    ):
        import_files([write(tmp_path, rec)])
    assert periods.call_count == 1
    assert csvs.call_count == 1
    page = DisclosurePage.objects.get()
    assert (page.period_year, page.period_number) == (2024, 1)
    assert [(ln.item, str(ln.amount)) for ln in page.finance_lines.all()] == [
        ("租金", "100.50"),
        ("电费", "20.00"),
    ]
    assert str(page.closing_balance) == "1080.50"


def test_each_correction_reads_its_state_once(tmp_path):
    rec = record(corrections=[{"date": "2024-04-20", "reason": "摘要有误", "summary": "新摘要"}])
    with mock.patch.object(importers, "read_finance", wraps=importers.read_finance) as reads:
        import_files([write(tmp_path, rec)])
    assert reads.call_count == 2  # the first publication and the corrected one
    page = DisclosurePage.objects.get()
    assert page.summary == "新摘要" and page.change_reason == "摘要有误"
