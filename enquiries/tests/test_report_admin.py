"""The annual report without a shell: one button, real tables, a public 年报 list, honest data."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from enquiries.models import AnnualReportPage, Enquiry
from enquiries.report_widgets import application_field, proactive_field

from .factories import EnquiryFactory

pytestmark = pytest.mark.django_db


def test_one_button_generates_the_draft_shown_as_tables(admin_client):
    EnquiryFactory(received_on=datetime.date(2026, 1, 5))
    form = admin_client.get(reverse("enquiries_annual_report"))
    assert "生成年度报告草稿" in form.content.decode()
    bad = admin_client.post(reverse("enquiries_annual_report"), {"year": "二〇", "organ": ""})
    assert bad.status_code == 200 and "报告年度应为数字" in bad.content.decode()
    response = admin_client.post(
        reverse("enquiries_annual_report"), {"year": "2026", "organ": "示例区人民政府"}
    )
    page = AnnualReportPage.objects.get(year=2026)
    assert response.status_code == 302 and str(page.pk) in response["Location"]
    edit = admin_client.get(response["Location"]).content.decode()
    assert 'name="applications-new-6" value="1"' in edit
    assert "一、本年新收政府信息公开申请数量" in edit and "manage.py" not in edit
    assert "&quot;new&quot;" not in edit and '"carried_in"' not in edit


def test_table_cells_are_cleaned_with_the_row_named():
    field = application_field()
    data = {key: ["0"] * 7 for key, *_ in field.rows}
    data["new"] = ["1", "0", "0", "0", "0", "0", "1"]
    assert field.clean(data)["new"] == [1, 0, 0, 0, 0, 0, 1]
    data["new"][0] = "-2"
    with pytest.raises(Exception) as raised:
        field.clean(data)
    assert "“一、本年新收政府信息公开申请数量”第1列应为非负整数" in str(raised.value)
    fees = proactive_field().clean({"fees": ["1.5"]})
    assert fees["fees"] == [1.5] and fees["rules"] == [0, 0, 0]


def test_inconsistent_dates_are_refused_naming_the_request(admin_client):
    bad = EnquiryFactory(title="倒填日期的申请", received_on=datetime.date(2026, 3, 2))
    Enquiry.objects.filter(pk=bad.pk).update(
        status="answered", outcome="disclose", replied_on=datetime.date(2026, 2, 1)
    )
    with pytest.raises(CommandError) as raised:
        call_command("enquiries_annual_report", "2026", stdout=io.StringIO())
    message = str(raised.value)
    assert "倒填日期的申请" in message and "答复日期 2026-02-01 早于收到日期 2026-03-02" in message
    response = admin_client.post(
        reverse("enquiries_annual_report"), {"year": "2026", "organ": "示例区"}
    )
    assert response.status_code == 200 and "倒填日期的申请" in response.content.decode()
    assert not AnnualReportPage.objects.exists()


def test_public_list_of_annual_reports(client):
    call_command(
        "enquiries_annual_report", "2026", "--organ", "示例区", "--publish", stdout=io.StringIO()
    )
    listing = client.get(reverse("enquiries:report_list"))
    text = listing.content.decode()
    assert listing.status_code == 200 and "年报" in text
    assert "示例区2026年政府信息公开工作年度报告" in text
