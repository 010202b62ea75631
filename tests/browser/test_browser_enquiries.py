"""A person on a 320 px phone without JavaScript files each kind of enquiry, follows it with
the tracking number and the last four phone digits, and sees the staff's answer."""

import pytest
from django.core.cache import cache
from django.test import Client

from disclosures.models import DisclosurePage
from enquiries.models import Enquiry
from enquiries.tests.factories import resident_id
from enquiries.tests.test_answering import edit_url, form_data

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def submit(page, fields, button):
    for label, value in fields.items():
        page.get_by_label(f"{label} （必填）", exact=True).fill(value)
    no_sideways_scroll(page)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert page.locator("h1").inner_text().startswith("已收到您的")
    no_sideways_scroll(page)
    return page.locator(".eq-tracking strong").inner_text().strip()


def file_all_three(page, disclosure):
    page.goto("/hudong/shenqing/")
    request = submit(
        page,
        {
            "姓名或名称": "张三丰",
            "证件号码": resident_id(),
            "手机号码": "13812341111",
            "所需信息的名称": "2026年社区治理专项资金分配方案",
            "所需信息的内容描述（文件名称、文号或便于查询的其他特征）": "区民政局的分配方案全文。",
        },
        "提交申请",
    )
    page.goto(disclosure.url)
    with page.expect_navigation():
        page.get_by_role("link", name="对本公开提出质询").click()
    question = submit(
        page,
        {"姓名": "李四", "手机号码": "13912342222", "质询内容": "办公用品支出买了什么？"},
        "提交质询",
    )
    page.goto("/hudong/liuyan/")
    message = submit(
        page,
        {
            "姓名": "王五",
            "手机号码": "13712343333",
            "留言标题": "村口路灯不亮",
            "留言内容": "村口路灯坏了一周了。",
        },
        "提交留言",
    )
    return {request: "1111", question: "2222", message: "3333"}


def status_page(page, tracking, tail):
    page.goto("/hudong/chaxun/")
    page.get_by_label("查询码 （必填）", exact=True).fill(tracking)
    page.get_by_label("手机号码后四位 （必填）", exact=True).fill(tail)
    with page.expect_navigation():
        page.get_by_role("button", name="查询").click()
    no_sideways_scroll(page)
    return page


REPLIES = {
    "request": {"outcome": "disclose", "reply": "现予公开，分配方案见附件。"},
    "question": {
        "outcome": "answer",
        "reply": "购买了打印纸和墨盒，凭证记-003。",
        "reviewers": "王某某",
        "reviewed_on": "2026-04-14",
    },
    "message": {"outcome": "answer", "reply": "路灯已于昨日修复。"},
}


def answer_in_the_admin(enquiry):
    from django.contrib.auth import get_user_model

    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("staff-" + enquiry.kind, "", "x"))
    changes = {"status": "answered", "replied_on": "2026-04-15", "answered_by": "区民政局"}
    data = form_data(staff, enquiry, **changes, **REPLIES[enquiry.kind])
    response = staff.post(edit_url(enquiry), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_file_follow_and_read_the_answer_on_a_phone_without_javascript(open_session, site_pages):
    cache.clear()  # the per-address limits count in the shared cache
    disclosure = DisclosurePage.objects.live().get()
    session = open_session(viewport=PHONE, java_script_enabled=False)
    page = session.page
    filed = file_all_three(page, disclosure)
    assert len(filed) == 3

    for tracking, tail in filed.items():
        status = status_page(page, tracking, tail)
        assert tracking in status.locator(".meta-table").inner_text()
        assert "已收到" in status.locator(".meta-table").inner_text()
        assert status.locator(".eq-reply").count() == 0

    wrong = status_page(page, next(iter(filed)), "0000")
    assert "未找到与该查询码和手机号码后四位相符的记录" in wrong.locator("main").inner_text()

    assert sorted(Enquiry.objects.values_list("kind", flat=True)) == [
        "message",
        "question",
        "request",
    ]
    for enquiry in Enquiry.objects.all():
        answer_in_the_admin(enquiry)

    for tracking, tail in filed.items():
        enquiry = Enquiry.objects.get(phone__endswith=tail)
        status = status_page(page, tracking, tail)
        reply = status.locator(".eq-reply").inner_text()
        assert REPLIES[enquiry.kind]["reply"] in reply
        assert "已答复" in status.locator(".meta-table").inner_text()
    assert session.foreign_requests() == []
