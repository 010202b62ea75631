"""The village journey (#24 item 3, #25 item 3), in headless Chromium.

A villager on a 375 px phone (JavaScript off) questions a line of a finance disclosure; the
village's clerk finds it on the admin dashboard (desktop) and drafts the answer; a member of the
village's 村务监督委员会 approves it from their own account; the villager reads the answer, signed
with that member's name, on the status page and on the disclosure page. Every response must be
below 400 and no page may show English interface text.
"""

import re
import secrets
import urllib.parse

import pytest
from django.core.cache import cache

from enquiries.models import Enquiry, Status

from .content import ensure_base
from .signin import sign_in
from .test_browser_enquiries import file_question, follow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("second_factor"),  # the admin asks for a code, as in production
]
PHONE_375 = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 1000}
ALLOWED_LATIN = {"PDF", "CSV", "Excel", "xlsx", "API", "SHA", "Wagtail", "CMS", "Ctrl"}  # names


@pytest.fixture
def village_setting(transactional_db, django_user_model):
    from disclosures.tests.factories import finance_disclosure, hierarchy

    cache.clear()
    ensure_base()
    _index, _county, _township, (village, other) = hierarchy(("幸福村", "和美村"))
    disclosure = finance_disclosure(village)
    people = {}
    for username, record_village, role, family in (
        ("幸福村-经办人", village, "clerks", "李"),
        ("幸福村-监委会-王", village, "committee", "王"),
        ("和美村-经办人", other, "clerks", "赵"),
    ):
        password = secrets.token_urlsafe(16)
        user = django_user_model.objects.create_user(
            username, password=password, last_name=family, first_name="某某"
        )
        user.groups.add(getattr(record_village.accountability, role))
        people[username] = password
    yield disclosure, people
    cache.clear()


class Watch:
    """Every response of a browser page: none may be 4xx or 5xx."""

    def __init__(self, session):
        self.bad = []
        session.page.on(
            "response",
            lambda r: self.bad.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )


def no_english(page):
    text = page.locator("main").first.inner_text()
    # The site's host name (the dashboard names a site without a name by it) is an address.
    text = text.replace(urllib.parse.urlsplit(page.url).hostname, "")
    # English words carry lower-case letters; tracking numbers are capitals and digits.
    # Hash fragments (hex) and key names (Ctrl) are not interface language either.
    words = {
        w
        for w in re.findall(r"[A-Za-z]{3,}", text)
        if re.search("[a-z]", w) and not re.fullmatch("[a-f]+", w)
    }
    words -= ALLOWED_LATIN
    assert not words, f"{page.url}: {sorted(words)}"


def log_in(open_session, username, password):
    session = open_session(viewport=DESKTOP)
    watch = Watch(session)
    admin = sign_in(session.page, username, password)
    no_english(admin)
    return admin, watch


def open_from_dashboard(admin, title):
    panel = admin.locator("#enquiries-village-questions-content, #enquiries-village-questions")
    with admin.expect_navigation():
        panel.first.get_by_role("link", name=title).click()
    no_english(admin)


def test_a_villager_questions_the_clerk_drafts_a_member_approves_the_villager_reads(
    open_session, village_setting
):
    disclosure, people = village_setting
    phone = open_session(
        java_script_enabled=False, viewport=PHONE_375, is_mobile=True, has_touch=True
    )
    phone_watch = Watch(phone)
    number = file_question(phone.page, disclosure)
    no_english(phone.page)
    question = Enquiry.objects.get(tracking_number=number.replace("-", ""))
    title = question.title

    # Another village's clerk sees nothing of it on the dashboard.
    outsider, outsider_watch = log_in(open_session, "和美村-经办人", people["和美村-经办人"])
    assert title not in outsider.locator("main").inner_text()

    clerk, clerk_watch = log_in(open_session, "幸福村-经办人", people["幸福村-经办人"])
    assert "本村村务质询" in clerk.locator("main").inner_text()
    open_from_dashboard(clerk, title)
    clerk.fill("#id_reply", "去年含一次性场地补偿，今年租金按合同收取。")
    with clerk.expect_navigation():
        clerk.get_by_role("button", name="提交村务监督委员会审核").click()
    assert "已提交本村村务监督委员会审核" in clerk.locator("body").inner_text()
    no_english(clerk)

    member, member_watch = log_in(open_session, "幸福村-监委会-王", people["幸福村-监委会-王"])
    open_from_dashboard(member, title)
    with member.expect_navigation():
        member.get_by_role("button", name="批准答复").click()
    assert "答复已发送" in member.locator("body").inner_text()
    no_english(member)
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and question.reviewers == "王某某"

    page = phone.page
    follow(page, number, "13612345678")
    assert "一次性场地补偿" in page.get_by_role("region", name="答复").inner_text()
    no_english(page)
    page.goto(disclosure.url)
    shown = page.get_by_role("region", name="村民质询与答复").inner_text()
    assert "一次性场地补偿" in shown
    no_english(page)
    for watch in (phone_watch, outsider_watch, clerk_watch, member_watch):
        assert watch.bad == []
