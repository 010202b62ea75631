"""网站自查 and the dashboard: overdue and missing catalogue items, stale records, weak services."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from govinfo.findings import govinfo_findings
from govinfo.models import Body, Leader, ServiceItem
from govinfo.records import RecordError, import_records
from siteidentity.inspection import run_inspection

from .factories import (
    BodyFactory,
    CatalogueItemFactory,
    LeaderFactory,
    ServiceItemFactory,
    WebsiteReportFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 7)


def test_the_self_check_lists_what_an_inspector_would_find():
    site = Site.objects.get(is_default_site=True)
    old = datetime.date(2025, 6, 1)
    body = BodyFactory(name="测试县民政局", last_verified=old)
    LeaderFactory(body=body, name="王五", last_verified=old)
    CatalogueItemFactory(body=body, name="低保资金发放", time_rule="每季度首月20日前")
    CatalogueItemFactory(body=body, name="社会救助政策")
    ServiceItemFactory(name="无依据事项", basis="")
    ServiceItemFactory(name="缺收费事项", fees="")
    found = {(f.kind, f.title): f for f in run_inspection(site, TODAY)}
    overdue = found[("公开目录逾期", "测试县民政局：低保资金发放")]
    assert overdue.severity == "serious" and "已逾期" in overdue.message
    assert overdue.edit_url.startswith("/admin/snippets/govinfo/catalogueitem/edit/")
    assert found[("公开目录缺项", "测试县民政局：社会救助政策")].severity == "warning"
    assert "已超过一年" in found[("机构信息过期", "测试县民政局")].message
    assert "王五" in found[("负责人信息过期", "测试县民政局")].message
    assert "单项否决" in found[("办事指南要素缺失", "无依据事项")].message
    assert found[("办事指南要素缺失", "缺收费事项")].severity == "warning"
    assert found[("网站年度报表", "")].severity == "serious"


def test_a_published_report_and_fresh_records_leave_nothing():
    WebsiteReportFactory(year=2025)
    body = BodyFactory(last_verified=TODAY)
    LeaderFactory(body=body, last_verified=TODAY)
    ServiceItemFactory(body=body)
    assert list(govinfo_findings(None, TODAY)) == []


def test_the_dashboard_panel_shows_the_overdue_item(admin_client):
    CatalogueItemFactory(name="低保资金发放", time_rule="每季度首月20日前")
    page = admin_client.get("/admin/").content.decode()
    assert "政府信息公开目录：逾期与缺项" in page
    assert "[逾期]" in page and "低保资金发放" in page


def _lines(*records):
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)


BODY = {"type": "body", "name": "测试县人民政府", "kind": "county", "duties": ["职责"],
        "address": "地址", "phone": "电话", "office_hours": "工作日"}  # fmt: skip


def test_a_leader_without_a_name_stops_the_whole_import(tmp_path):
    bad = _lines(
        BODY,
        {"type": "leader", "body": "测试县人民政府", "name": " ", "position": "县长"},
        {"type": "service", "body": "测试县人民政府", "name": "无依据", "basis": ""},
        {"type": "leader", "body": "无此机构", "name": "赵六", "position": "局长"},
    )
    with pytest.raises(RecordError) as caught:
        import_records(bad)
    assert caught.value.errors == [
        "第2行：负责人缺少姓名",
        "第3行：办事指南“无依据”缺少设定依据",
        "第4行：机构“无此机构”不存在",
    ]
    assert not Body.objects.exists() and not Leader.objects.exists()
    assert not ServiceItem.objects.exists()
    path = tmp_path / "bad.jsonl"
    path.write_text(bad + "\n{oops", encoding="utf-8")
    with pytest.raises(CommandError, match="bad.jsonl：第5行：不是有效的 JSON"):
        call_command("govinfo_import", str(path))


def test_the_admin_refuses_a_leader_without_a_name(admin_client):
    body = BodyFactory(name="测试局")
    data = {
        "name": "测试局", "kind": "department", "duties": "职责", "address": "地址",
        "phone": "电话", "office_hours": "工作日", "sort_order": "1",
        "last_verified": "2026-12-01",
        "leaders-TOTAL_FORMS": "1", "leaders-INITIAL_FORMS": "0",
        "leaders-MIN_NUM_FORMS": "0", "leaders-MAX_NUM_FORMS": "1000",
        "leaders-0-group": "leaders", "leaders-0-name": "", "leaders-0-position": "局长",
        "leaders-0-last_verified": "2026-12-01", "leaders-0-ORDER": "1",
    }  # fmt: skip
    url = f"/admin/snippets/govinfo/body/edit/{body.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "负责人必须填写姓名" in response.content.decode()
    assert not Leader.objects.exists()
