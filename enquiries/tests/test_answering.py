"""Staff answering in the admin; public answers; history; the signal; import; the report."""

import datetime
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils import WagtailPageTestCase

from disclosures.tests.factories import finance_disclosure, hierarchy
from enquiries import rules
from enquiries.models import AnnualReportPage, Enquiry, StatusEvent
from enquiries.report_build import build_report
from enquiries.signals import reply_published
from home.models import HomePage
from importing import import_files

from .factories import EnquiryFactory, question_on

pytestmark = pytest.mark.django_db
DEMO = Path(__file__).resolve().parents[1] / "demo" / "sample.jsonl"
DISCLOSURE_DEMO = Path(__file__).resolve().parents[2] / "disclosures" / "demo" / "sample.jsonl"


def edit_url(enquiry):
    return reverse(f"enquiries_{enquiry.kind}:edit", args=[enquiry.pk])


def form_data(client, enquiry, **changes):
    """The edit form's current values (as the browser would send them), with changes."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(edit_url(enquiry)).content.decode(), "html.parser")
    data = {}
    form = soup.find("form", id="w-editor-form")
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    data.update(changes)
    return data


def test_queues_list_due_dates_filter_and_export_xlsx(admin_client):
    EnquiryFactory(title="资金分配方案")
    EnquiryFactory(kind=rules.MESSAGE, title="留言标题")
    listing = admin_client.get(reverse("enquiries_request:index"))
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "资金分配方案" in body and "留言标题" not in body and "2026年3月30日" in body
    export = admin_client.get(reverse("enquiries_request:index") + "?export=xlsx")
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    assert "资金分配方案" in [c.value for c in sheet[2]]


def test_withholding_needs_a_ground_and_legal_basis(admin_client):
    enquiry = EnquiryFactory()
    data = form_data(
        admin_client, enquiry, status="answered", outcome="withhold", replied_on="2026-03-20"
    )
    response = admin_client.post(edit_url(enquiry), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "该答复类型须选择对应的理由" in text and "不予公开须写明法律依据和理由" in text
    enquiry.refresh_from_db()
    assert enquiry.status == "received"


def test_answering_appends_history_emails_and_sends_the_signal(
    admin_client, django_capture_on_commit_callbacks
):
    enquiry = EnquiryFactory(email="asker@example.com")
    received = []
    handler = lambda **kw: received.append(kw)  # noqa: E731
    reply_published.connect(handler)
    try:
        data = form_data(
            admin_client, enquiry, status="answered", outcome="already_public",
            reply_link="https://example.gov.cn/a.html", reply="已主动公开。",
            replied_on="2026-03-10", answered_by="区民政局",
        )  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(edit_url(enquiry), data)
        assert response.status_code == 302, response.content.decode()[:3000]
    finally:
        reply_published.disconnect(handler)
    steps = [e.status_to for e in enquiry.events.all()]
    assert steps == ["received", "answered"]
    assert enquiry.events.last().actor == "admin"
    assert received and received[0]["enquiry"].pk == enquiry.pk and received[0]["to_asker"]
    assert any("https://example.gov.cn/a.html" in m.body for m in mail.outbox)
    letter = admin_client.get(reverse("enquiries_letter", args=[enquiry.pk])).content.decode()
    assert "政府信息公开申请答复告知书" in letter and "行政复议" in letter


def test_history_cannot_be_changed_or_deleted():
    event = EnquiryFactory().events.get()
    event.note = "改写"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        StatusEvent.objects.all().delete()
    with pytest.raises(PermissionDenied):
        StatusEvent.objects.update(note="x")


def test_village_question_needs_committee_review_then_shows_on_disclosure_page(
    admin_client, client
):
    _i, _c, _t, (village,) = hierarchy()
    disclosure = finance_disclosure(village)
    question = question_on(
        disclosure, body="电话13812345678，这笔支出是什么？", allow_public=True,
        received_on=datetime.date(2026, 4, 10),
    )  # fmt: skip
    data = form_data(
        admin_client, question, status="answered", outcome="answer", reply="是办公用品。",
        replied_on="2026-04-15", moderation="approved",
    )  # fmt: skip
    refused = admin_client.post(edit_url(question), data)
    assert "须经村务监督委员会审核" in refused.content.decode()
    # The village desk records the committee member's approval (test_village_desk.py).
    from django.contrib.auth import get_user_model

    from enquiries import village_desk

    member = get_user_model().objects.create_user("member", last_name="王", first_name="某某")
    member.groups.add(village.accountability.committee)
    village_desk.submit_draft(question, member_clerk(village), "是办公用品。")
    village_desk.approve(question, member)
    question.refresh_from_db()
    assert question.reviewers == "王某某"
    data = form_data(admin_client, question, moderation="approved")
    assert admin_client.post(edit_url(question), data).status_code == 302
    page = client.get(disclosure.url).content.decode()
    assert "是办公用品。" in page and "张**" in page
    assert "13812345678" not in page and "张三丰" not in page
    assert "是办公用品。" in client.get(village.url).content.decode()
    listing = client.get(reverse("enquiries:qa_list") + "?q=办公用品").content.decode()
    assert "是办公用品。" in listing


def member_clerk(village):
    from django.contrib.auth import get_user_model

    clerk = get_user_model().objects.create_user("clerk")
    clerk.groups.add(village.accountability.clerks)
    return clerk


def test_requests_are_never_public_only_counted(client):
    EnquiryFactory(
        title="秘密申请标题", status="answered", outcome="disclose",
        replied_on=datetime.date(2026, 3, 5), allow_public=True, moderation="approved",
    )  # fmt: skip
    listing = client.get(reverse("enquiries:qa_list")).content.decode()
    assert "秘密申请标题" not in listing and "共收到申请 1 件，已答复 1 件" in listing
    assert Enquiry.objects.public().count() == 0


def test_overdue_and_due_soon_on_the_dashboard(admin_client):
    EnquiryFactory(title="早已逾期的申请", received_on=datetime.date(2020, 1, 6))
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "申请与留言：逾期和即将到期" in page and "早已逾期的申请" in page


def test_demo_import_is_idempotent_and_builds_the_annual_report(client):
    import_files([DISCLOSURE_DEMO, DEMO])
    assert Enquiry.objects.count() == 14
    assert all(e.demo_label == "示例数据" for e in Enquiry.objects.all())
    import_files([DISCLOSURE_DEMO, DEMO])
    assert Enquiry.objects.count() == 14
    page, created = build_report(2026, "亭湖区人民政府", HomePage.objects.first())
    table = page.applications
    assert created and table["new"][-1] == 8 and table["carried_in"][-1] == 1
    assert table["results_total"][-1] == 4 and table["carried_out"][-1] == 5
    assert table["withhold.third_party"] == [1, 0, 0, 0, 0, 0, 1]
    assert table["disclose"][2] == 1  # 已主动公开 by a research institute
    page.full_clean()
    page.save_revision().publish()
    sheet = load_workbook(io.BytesIO(client.get(
        reverse("enquiries:report_xlsx", args=[page.pk])
    ).content))["三、申请情况"]  # fmt: skip
    rows = {row[0].value.strip("　"): [c.value for c in row[1:]] for row in sheet.iter_rows(2)}
    assert rows["一、本年新收政府信息公开申请数量"][-1] == 8


def test_annual_report_command_and_invalid_edits():
    out = io.StringIO()
    call_command("enquiries_annual_report", "2026", "--organ", "示例区", stdout=out)
    assert "新收 0 件" in out.getvalue()
    page = AnnualReportPage.objects.get()
    page.applications["new"] = [1, 0, 0, 0, 0, 0, 5]
    with pytest.raises(Exception) as raised:
        page.full_clean()
    assert "总计 5 与各列之和 1 不符" in str(raised.value)


class AnnualReportPageTests(WagtailPageTestCase):
    def test_parent_types_and_rendering(self):
        self.assertAllowedParentPageTypes(AnnualReportPage, {HomePage})
        page, _ = build_report(2026, "示例区", HomePage.objects.first())
        page.save_revision().publish()
        page.refresh_from_db()
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "三、收到和处理政府信息公开申请情况")
        self.assertContains(response, "属于国家秘密")
