"""import_content with `disclosure` records: demo data, CSV finance, errors, corrections."""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from disclosures.models import DisclosurePage, DisclosureVersion, VillagePage

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[1] / "demo"


def record(**overrides):
    data = {
        "id": "t-1",
        "type": "disclosure",
        "title": "测试村2024年第一季度财务公开",
        "date": "2024-04-08",
        "county": "测试区",
        "township": "测试街道",
        "village": "测试村",
        "category": "财务",
        "period": "2024-Q1",
        "sign_off": {"reviewers": ["张明", "李华"], "review_date": "2024-04-05"},
        "finance": {
            "opening_balance": "1,000.00",
            "lines": [
                {"direction": "收入", "date": "2024-01-05", "item": "租金", "amount": "100.50"},
                {"direction": "支出", "date": "2024-02-05", "item": "电费", "amount": 20},
            ],
            "total_income": "100.50",
            "total_expenditure": "20.00",
            "closing_balance": "1080.50",
        },
        "demo_label": "示例数据",
    }
    data.update(overrides)
    return data


def write(tmp_path, *records, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return str(path)


def import_errors(path, capsys):
    with pytest.raises(CommandError, match="未导入任何内容"):
        call_command("import_content", path)
    return capsys.readouterr().err


def test_demo_sample_imports_verifies_and_is_idempotent(tmp_path, capsys):
    for item in DEMO.iterdir():
        if item.suffix in (".jsonl", ".csv"):
            shutil.copy(item, tmp_path / item.name)
    call_command("import_content", str(tmp_path / "sample.jsonl"))
    titles = set(VillagePage.objects.values_list("title", flat=True))
    assert titles == {"圩洋村", "青禾村", "望湖社区"}
    assert all(p.demo_label == "示例数据" for p in DisclosurePage.objects.all())
    assert all(v.demo_label == "示例数据" for v in VillagePage.objects.all())
    corrected = DisclosurePage.objects.get(title="圩洋村2026年第三季度财务收支公开")
    first, second = corrected.versions.order_by("number")
    assert second.kind == "correction" and "记-0315" in second.reason
    assert second.published_at.date().isoformat() == "2026-10-16"
    assert "支出合计：31,888.70 元 → 31,708.70 元" in second.change_lines
    withdrawn = DisclosurePage.objects.get(title="望湖社区2026年第三季度服务公开")
    assert withdrawn.withdrawn and withdrawn.versions.last().kind == "withdrawal"
    csv_page = DisclosurePage.objects.get(title="望湖社区2026年第三季度财务收支公开")
    assert csv_page.closing_balance is not None and csv_page.totals_agree
    count = DisclosureVersion.objects.count()
    call_command("import_content", str(tmp_path / "sample.jsonl"))
    assert DisclosureVersion.objects.count() == count
    call_command("verify_disclosures")
    assert "已核验 15 份公开" in capsys.readouterr().out


def test_json_finance_errors_are_reported_and_nothing_imported(tmp_path, capsys):
    bad = record()
    bad["finance"]["total_income"] = "100.00"
    floaty = record(id="t-2", period="2024-Q2")
    floaty["finance"]["lines"][0]["amount"] = 100.5
    err = import_errors(
        write(
            tmp_path,
            record(
                id="t-0",
                period="2023-Q4",
                finance={**record()["finance"], "lines": []},
            ),
            bad,
            floaty,
        ),
        capsys,
    )
    assert "batch.jsonl:2: 收入合计填写为 100.00 元，按明细计算应为 100.50 元" in err
    assert "batch.jsonl:3: finance.lines 第 1 条 的 amount 应写成字符串" in err
    assert "batch.jsonl:1:" in err  # empty lines with non-zero totals do not add up
    assert not DisclosurePage.objects.exists() and not VillagePage.objects.exists()


def test_csv_finance_line_errors_name_line_and_column(tmp_path, capsys):
    (tmp_path / "q1.csv").write_text(
        "类型,日期,摘要,金额,凭证号,往来单位\n"
        "期初余额,,,1000,,\n"
        "收入,2024-01-05,租金,100.555,,\n"
        "支出,2024-04-02,电费,20,,\n"
        "收入合计,,,100.56,,\n支出合计,,,20,,\n期末余额,,,1080.56,,\n",
        "utf-8",
    )
    rec = record(finance_csv="q1.csv")
    del rec["finance"]
    err = import_errors(write(tmp_path, rec), capsys)
    assert "finance_csv q1.csv 第 3 行，“金额”列：金额“100.555”超过两位小数" in err
    assert not DisclosurePage.objects.exists()
    (tmp_path / "q1.csv").write_text(
        "类型,日期,摘要,金额\n期初余额,,,1000\n收入,2024-01-05,租金,100.50\n"
        "支出,2024-04-02,电费,20\n收入合计,,,100.50\n支出合计,,,20\n期末余额,,,1080.50\n",
        "utf-8",
    )
    err = import_errors(write(tmp_path, rec), capsys)
    assert "finance_csv q1.csv 第 4 行，“日期”列：日期晚于本期结束日" in err


def test_other_record_problems(tmp_path, capsys):
    err = import_errors(
        write(
            tmp_path,
            record(category="其他"),
            record(id="t-2", period="2024-13"),
            record(id="t-3", sign_off={"reviewers": ""}),
            record(id="t-4", category="村务", finance=None, period="matter"),
        ),
        capsys,
    )
    assert "batch.jsonl:1: category 应为 党务、村务、财务 或 服务" in err
    assert "batch.jsonl:2: period 的月份 13 无效" in err
    assert "batch.jsonl:3: sign_off.reviewers 不能为空" in err
    assert "batch.jsonl:4: 单项事项（period 为 matter）须填写 matter_date" in err


def test_reimport_with_changes_needs_a_correction_reason(tmp_path, capsys):
    call_command("import_content", write(tmp_path, record()))
    page = DisclosurePage.objects.get()
    changed = record(title="测试村2024年第一季度财务公开（修订）")
    err = import_errors(write(tmp_path, changed), capsys)
    assert "再次发布须填写更正原因" in err
    page.refresh_from_db()
    assert page.title == "测试村2024年第一季度财务公开"
    call_command("import_content", write(tmp_path, {**changed, "correction_reason": "标题有误"}))
    page.refresh_from_db()
    assert page.title.endswith("（修订）")
    assert page.versions.order_by("-number").first().reason == "标题有误"
