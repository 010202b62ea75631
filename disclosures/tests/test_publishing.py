"""Publishing rules: totals, sign-off, versions and the hash chain, corrections, withdrawal."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from disclosures.models import DisclosureVersion, FinanceLine, check_page

from .factories import finance_disclosure, hierarchy

pytestmark = pytest.mark.django_db


@pytest.fixture
def village():
    return hierarchy()[3][0]


def test_publishing_records_a_hashed_first_version(village):
    page = finance_disclosure(village)
    assert page.live
    (version,) = page.versions.all()
    assert version.number == 1 and version.kind == "published"
    assert version.previous_hash == "0" * 64
    assert version.content["finance"]["total_income"] == "1500.10"
    assert [ln["amount"] for ln in version.content["finance"]["lines"]] == [
        "1200.00",
        "300.10",
        "350.50",
        "0.20",
    ]
    assert check_page(page).ok


def test_wrong_total_cannot_be_published(village):
    page = finance_disclosure(village, publish=False, total_income=Decimal("1500.00"))
    with pytest.raises(ValidationError) as info:
        page.save_revision().publish()
    assert "收入合计填写为 1,500.00 元，按明细计算应为 1,500.10 元" in str(info.value)
    page.refresh_from_db()
    assert not page.live
    assert not DisclosureVersion.objects.exists()


def test_sign_off_is_required(village):
    page = finance_disclosure(village, publish=False, reviewers="", review_date=None)
    with pytest.raises(ValidationError, match="审核人和审核日期"):
        page.save_revision().publish()


def test_correction_needs_a_reason_and_is_diffed(village):
    page = finance_disclosure(village)
    page.title = "2024年第一季度财务公开（更正）"
    with pytest.raises(ValidationError, match="更正原因"):
        page.save_revision().publish()
    page.change_reason = "第3笔支出金额录入错误"
    lines = list(page.finance_lines.all())
    lines[2].amount = Decimal("305.50")
    page.finance_lines = lines
    page.total_expenditure = Decimal("305.70")
    page.closing_balance = Decimal("11194.40")
    page.save_revision().publish()
    first, second = page.versions.order_by("number")
    assert second.kind == "correction"
    assert second.reason == "第3笔支出金额录入错误"
    assert second.previous_hash == first.hash
    assert "支出合计：350.70 元 → 305.70 元" in second.change_lines
    assert "删除收支明细：支出 2024-02-03 办公用品 350.50 元 凭证 记-003" in second.change_lines
    assert check_page(page).ok


def test_republishing_unchanged_content_adds_no_version(village):
    page = finance_disclosure(village)
    page.save_revision().publish()
    assert page.versions.count() == 1


def test_withdrawal_is_a_version_with_its_reason(village):
    page = finance_disclosure(village)
    page.withdrawn = True
    page.withdrawal_reason = "重复发布"
    page.save_revision().publish()
    last = page.versions.order_by("-number").first()
    assert last.kind == "withdrawal" and last.reason == "重复发布"
    assert page.live


def test_verify_passes_then_names_a_tampered_version(village, capsys):
    page = finance_disclosure(village)
    other = finance_disclosure(
        village,
        title="2024年第二季度财务公开",
        period_number=2,
        lines=[],
        total_income=Decimal("0"),
        total_expenditure=Decimal("0"),
        opening_balance=Decimal("11149.40"),
        closing_balance=Decimal("11149.40"),
    )
    call_command("verify_disclosures")
    assert "已核验 2 份公开" in capsys.readouterr().out
    version = page.versions.get()
    table = DisclosureVersion._meta.db_table
    tampered = version.content
    tampered["finance"]["lines"][0]["amount"] = "12000.00"
    import json

    placeholder = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET content = {placeholder} WHERE id = %s",  # noqa: S608
            [json.dumps(tampered, ensure_ascii=False), version.pk],
        )
    with pytest.raises(CommandError, match="1 份公开未通过核验"):
        call_command("verify_disclosures")
    err = capsys.readouterr().err
    assert f"圩洋村《2024年第一季度财务公开》（页面 ID {page.pk}" in err
    assert "第 1 版存储的内容与其哈希不符" in err
    assert f"页面 ID {other.pk}，" not in err


def test_verify_names_a_live_row_edited_behind_its_back(village, capsys):
    page = finance_disclosure(village)
    line = page.finance_lines.first()
    FinanceLine.objects.filter(pk=line.pk).update(amount=Decimal("1.00"))
    with pytest.raises(CommandError):
        call_command("verify_disclosures")
    assert "当前显示的内容与第 1 版（最新公开版本）的存档不一致" in capsys.readouterr().err
