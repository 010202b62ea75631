"""A 320 px phone with JavaScript off files each kind of enquiry, follows it and reads the answer.

The three public forms (政府信息公开申请, 咨询留言, 村务质询 on a village disclosure) are filled and
sent in headless Chromium; the tracking number is read off the page, then typed with the last four
phone digits into the status page. Staff answer the message in the Wagtail admin (a desktop
browser with JavaScript) and the other two through the model, as the admin's save does; each answer
is then on the status page, and the villager question's answer is on the disclosure page only once
moderated. No page may scroll sideways, nor ask another host for anything.
"""

import datetime
import re
import secrets

import pytest
from django.core.cache import cache
from django.urls import reverse

from enquiries import outcomes, rules
from enquiries.models import Enquiry, Moderation, Status
from enquiries.tests.factories import resident_id

from .conftest import PHONE
from .content import ensure_base
from .signin import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("second_factor"),  # the admin asks for a code, as in production
]
TRACKING = re.compile(r"查询码：([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")


@pytest.fixture
def disclosure(transactional_db):
    from disclosures.tests.factories import finance_disclosure, hierarchy

    cache.clear()  # the per-address limits of earlier tests
    ensure_base()
    _index, _county, _township, (village,) = hierarchy(("幸福村",))
    yield finance_disclosure(village)
    cache.clear()


@pytest.fixture
def phone(open_session):
    session = open_session(
        java_script_enabled=False, viewport=PHONE, is_mobile=True, has_touch=True
    )
    yield session
    assert session.foreign_requests() == []


def fits(page):
    """Nothing wider than the 320 px screen: no sideways scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth") + 1, f"{page.url} is {width} px wide"


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def fill_contact(page, name, mobile):
    page.fill("#id_asker_name", name)
    page.fill("#id_phone", mobile)


def received_number(page, kind_label):
    """The tracking number on the page that follows a successful POST."""
    assert page.locator("h1").inner_text() == f"已收到您的{kind_label}"
    fits(page)
    return TRACKING.search(page.locator(".eq-tracking").inner_text())[1]


def follow(page, number, mobile):
    """The status page, reached with the tracking number and the phone's last four digits."""
    page.goto("/hudong/chaxun/")
    fits(page)
    page.get_by_label("查询码").fill(number)
    page.get_by_label("手机号码后四位").fill(mobile[-4:])
    submit(page, "查询")
    fits(page)
    facts = page.locator(".meta-table").inner_text()
    assert number in facts
    return page


def file_request(page):
    page.goto("/hudong/")
    fits(page)
    with page.expect_navigation():
        page.get_by_role("link", name="申请政府信息公开").click()
    fits(page)
    assert page.locator("h1").inner_text() == "政府信息公开申请"
    fill_contact(page, "李四", "13912345678")
    page.fill("#id_id_number", resident_id())
    page.fill("#id_title", "2026年社区专项资金分配方案")
    page.fill("#id_body", "请提供2026年城乡社区发展治理专项资金分配方案全文。")
    submit(page, "提交申请")
    return received_number(page, "政府信息公开申请")


def file_message(page):
    page.goto("/hudong/")
    with page.expect_navigation():
        page.get_by_role("link", name="我要留言").click()
    fits(page)
    page.fill("#id_title", "幸福路路灯不亮")
    page.fill("#id_body", "幸福路东段的路灯已经一周不亮，晚上出行不便。")
    fill_contact(page, "王五", "13712345678")
    assert page.get_by_label("同意在网站上公开我的问题和答复", exact=False).is_checked()
    submit(page, "提交留言")
    return received_number(page, "咨询留言")


def file_question(page, disclosure):
    page.goto(disclosure.url)
    fits(page)
    with page.expect_navigation():
        page.get_by_role("link", name="对本公开提出质询").click()
    fits(page)
    assert page.locator("h1").inner_text() == "村务质询"
    page.get_by_label("质询哪一项").select_option(index=1)
    page.fill("#id_body", "这笔集体资产租金收入为什么比去年少？我的电话13612345678。")
    fill_contact(page, "赵六", "13612345678")
    submit(page, "提交质询")
    return received_number(page, "村务质询")


@pytest.fixture
def staff(django_user_model):
    password = secrets.token_urlsafe(16)
    user = django_user_model.objects.create_superuser("banli", "banli@example.org", password)
    return user.username, password


def answer_in_admin(open_session, staff, number, reply):
    """A member of staff answers and approves a message in the Wagtail admin (desktop, JS on)."""
    enquiry = Enquiry.objects.get(tracking_number=number.replace("-", ""))
    admin = sign_in(open_session(viewport={"width": 1280, "height": 1000}).page, *staff)
    edit = reverse(f"enquiries_{enquiry.kind}:edit", args=[enquiry.pk])
    admin.goto(edit)
    admin.select_option("#id_status", Status.ANSWERED)
    admin.select_option("#id_outcome", outcomes.ANSWER)
    admin.fill("#id_reply", reply)
    admin.fill("#id_replied_on", datetime.date.today().isoformat())
    admin.select_option("#id_moderation", Moderation.APPROVED)
    with admin.expect_navigation():
        admin.get_by_role("button", name="保存").first.click()
    assert not admin.url.endswith(edit), admin.locator(".error-message").all_inner_texts()
    enquiry.refresh_from_db()
    assert enquiry.status == Status.ANSWERED and enquiry.events.last().actor == "banli"


def answer(number, reply, outcome=outcomes.ANSWER, **fields):
    """Staff's reply, saved as the admin saves it (history and masked copies follow)."""
    enquiry = Enquiry.objects.get(tracking_number=number.replace("-", ""))
    enquiry.status = Status.ANSWERED
    enquiry.outcome = outcome
    enquiry.reply = reply
    enquiry.replied_on = datetime.date.today()
    enquiry._actor = "办理人员"
    for name, value in fields.items():
        setattr(enquiry, name, value)
    enquiry.save()
    return enquiry


def test_a_phone_without_javascript_files_follows_and_reads_each_answer(
    phone, disclosure, open_session, staff
):
    page = phone.page
    request = file_request(page)
    message = file_message(page)
    question = file_question(page, disclosure)
    numbers = {request, message, question}
    assert len(numbers) == 3
    kinds = Enquiry.objects.values_list("kind", flat=True)
    assert sorted(kinds) == sorted([rules.REQUEST, rules.MESSAGE, rules.QUESTION])

    for number, mobile in ((request, "13912345678"), (message, "13712345678")):
        status = follow(page, number, mobile).locator(".meta-table").inner_text()
        assert "已收到" in status and "答复期限" in status
        assert page.locator(".eq-reply").count() == 0

    answer(request, "所申请的分配方案全文见附件，已通过网上答复。", outcome=outcomes.DISCLOSE)
    answer_in_admin(open_session, staff, message, "已安排维修，路灯已恢复照明。")
    answer(
        question,
        "去年含一次性场地补偿，今年租金按合同收取。",
        reviewers="村务监督委员会 钱七",
        reviewed_on=datetime.date.today(),
    )

    follow(page, request, "13912345678")
    reply = page.get_by_role("region", name="答复").inner_text()
    assert "予以公开" in reply and "所申请的分配方案全文见附件" in reply
    assert "已答复" in page.locator(".meta-table").inner_text()
    follow(page, message, "13712345678")
    assert "路灯已恢复照明" in page.get_by_role("region", name="答复").inner_text()
    follow(page, question, "13612345678")
    assert "一次性场地补偿" in page.get_by_role("region", name="答复").inner_text()

    page.goto(disclosure.url)  # answered, but not yet moderated: not on the disclosure page
    fits(page)
    section = page.get_by_role("region", name="村民质询与答复")
    assert "一次性场地补偿" not in section.inner_text()

    enquiry = Enquiry.objects.get(tracking_number=question.replace("-", ""))
    enquiry.moderation = Moderation.APPROVED
    enquiry.save()
    page.reload()
    fits(page)
    shown = page.get_by_role("region", name="村民质询与答复").inner_text()
    assert "一次性场地补偿" in shown and "赵*" in shown
    assert "赵六" not in shown and "13612345678" not in shown and "136****5678" in shown

    page.goto("/hudong/")
    fits(page)
    listing = page.get_by_role("main").inner_text()
    assert "路灯已恢复照明" in listing and "一次性场地补偿" in listing
    assert "分配方案全文见附件" not in listing and "共收到申请 1 件，已答复 1 件" in listing
