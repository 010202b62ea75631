"""The officer's journeys in the Wagtail admin (desktop, JavaScript on), from the dashboard.

1. An officer accepts a request, pauses the clock for a third party's opinion, extends the
   deadline once, answers it with the legal outcome; the citizen then reads the answer on the
   public status page.
2. An officer generates the year's 政府信息公开工作年度报告 with one button, corrects a table
   cell, publishes it; the public 年报 list shows it.
Each step fails on an answer of 4xx/5xx and on English words in the admin's interface text.
"""

import datetime
import re
import secrets

import pytest
from django.core.cache import cache
from django.utils import timezone

from enquiries.models import AnnualReportPage, Enquiry
from enquiries.tests.factories import EnquiryFactory

from .content import ensure_base
from .signin import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("second_factor"),  # the admin asks for a code, as in production
]
DESKTOP = {"width": 1280, "height": 1000}
WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")  # tracking numbers are capitals and digits
ALLOWED = {"Excel", "Wagtail"}  # the spreadsheet format's name; the admin's own brand


@pytest.fixture
def officer(django_user_model):
    cache.clear()
    ensure_base()
    password = secrets.token_urlsafe(16)
    django_user_model.objects.create_superuser("经办人张", "banli@example.org", password)
    yield "经办人张", password
    cache.clear()


def watched(session):
    """Every answer the browser gets; the test fails on any 4xx/5xx of this site."""
    failures = []
    session.page.on(
        "response",
        lambda r: (
            failures.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.url.startswith(session.base_url)
            else None
        ),
    )
    return failures


def english(page):
    """English words in the visible interface text of the admin's main area."""
    text = page.locator("main").inner_text()
    return sorted({w for w in WORD.findall(text) if len(w) > 2} - ALLOWED)


def log_in(session, officer):
    return sign_in(session.page, *officer)


def open_menu(page, group, item):
    page.get_by_role("button", name=group).click()
    with page.expect_navigation():
        page.get_by_role("link", name=item).click()


def save(page):
    with page.expect_navigation():
        page.get_by_role("button", name="保存").first.click()
    messages = page.locator(".messages").inner_text() if page.locator(".messages").count() else ""
    assert "无法" not in messages, page.locator(".error-message").all_inner_texts() or messages
    assert english(page) == []


def open_request(page):
    with page.expect_navigation():
        page.get_by_role("link", name="幸福村道路硬化工程验收资料").first.click()
    assert english(page) == []


def test_officer_extends_pauses_and_answers_a_request_citizen_sees_answer(open_session, officer):
    today = timezone.localdate()
    received = today - datetime.timedelta(days=10)
    enquiry = EnquiryFactory(title="幸福村道路硬化工程验收资料", received_on=received)
    session = open_session(viewport=DESKTOP)
    failures = watched(session)
    page = log_in(session, officer)
    open_menu(page, "依申请公开与留言", "政府信息公开申请")
    assert english(page) == []
    open_request(page)

    page.select_option("#id_status", "processing")  # 受理
    page.click("#id_pauses-ADD")
    page.select_option("#id_pauses-0-kind", "third_party")
    page.fill("#id_pauses-0-started_on", (received + datetime.timedelta(days=1)).isoformat())
    page.fill("#id_pauses-0-ended_on", (received + datetime.timedelta(days=3)).isoformat())
    page.fill("#id_pauses-0-reason", "涉及施工企业的商业信息，征求其意见")
    page.click("#id_extensions-ADD")
    page.fill("#id_extensions-0-days", "20")
    page.fill("#id_extensions-0-decided_on", today.isoformat())
    page.fill("#id_extensions-0-approved_by", "王局长")
    page.fill("#id_extensions-0-reason", "需调取多个部门的档案")
    page.fill("#id_extensions-0-notice_sent_on", today.isoformat())
    save(page)
    enquiry.refresh_from_db()
    assert enquiry.extensions.count() == 1 and enquiry.pauses.count() == 1
    assert enquiry.due_on == enquiry.compute_due() and enquiry.status == "processing"
    open_request(page)  # saving returns to the queue

    with page.context.expect_page() as notice:
        page.get_by_role("link", name="延期答复告知书").click()
    letter = notice.value
    letter.wait_for_load_state()
    assert "延期答复告知书" in letter.locator("h1").inner_text()
    assert "延长 20 个工作日" in letter.locator("main").inner_text()
    letter.close()

    page.select_option("#id_status", "answered")
    page.select_option("#id_outcome", "disclose")
    page.fill("#id_reply", "现将幸福村道路硬化工程验收资料提供给您，见附件。")
    page.fill("#id_replied_on", today.isoformat())
    page.fill("#id_answered_by", "区交通运输局")
    save(page)
    enquiry.refresh_from_db()
    assert enquiry.status == "answered"
    assert {e.actor for e in enquiry.events.all()[1:]} == {"经办人张"}
    assert failures == []

    citizen = open_session(java_script_enabled=False)
    public = citizen.page
    public.goto("/hudong/chaxun/")
    public.get_by_label("查询码").fill(enquiry.display_tracking_number)
    public.get_by_label("手机号码后四位").fill(enquiry.phone[-4:])
    with public.expect_navigation():
        public.get_by_role("button", name="查询").click()
    reply = public.locator(".eq-reply").inner_text()
    assert "予以公开" in reply and "验收资料提供给您" in reply
    assert "延期答复" in public.locator(".eq-events").inner_text()
    assert citizen.foreign_requests() == []


def test_officer_generates_and_publishes_the_annual_report(open_session, officer):
    year = timezone.localdate().year
    EnquiryFactory(received_on=datetime.date(year, 1, 5))
    session = open_session(viewport=DESKTOP)
    failures = watched(session)
    page = log_in(session, officer)
    with page.expect_navigation():
        page.get_by_role("link", name="政府信息公开年度报告").click()
    assert english(page) == []
    page.get_by_label("报告年度").fill(str(year))
    page.get_by_label("报告机关").fill("示例区人民政府")
    with page.expect_navigation():
        page.get_by_role("button", name="生成年度报告草稿").click()
    assert "/admin/pages/" in page.url
    assert english(page) == []
    new = page.get_by_label("一、本年新收政府信息公开申请数量 第7列")
    assert new.input_value() == "1"
    page.get_by_label("行政复议 第1列").fill("1")
    page.get_by_label("行政复议 第5列").fill("1")
    page.get_by_role("button", name="更多动作").click()
    with page.expect_navigation():
        page.locator("button[name=action-publish]").click()
    report = AnnualReportPage.objects.get(year=year)
    assert report.live and report.review_litigation["review"] == [1, 0, 0, 0, 1]
    assert failures == []

    reader = open_session(java_script_enabled=False).page
    reader.goto("/hudong/nianbao/")
    assert "年报" in reader.locator("h1").inner_text()
    with reader.expect_navigation():
        reader.get_by_role("link", name=report.title).click()
    assert "收到和处理政府信息公开申请情况" in reader.locator("main").inner_text()
    assert Enquiry.objects.count() == 1
