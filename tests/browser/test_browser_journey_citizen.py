"""Journey (issue #24, item 7): a citizen on a 375 px phone goes from the home page to a filed
政府信息公开申请 in at most three taps, then follows it on the progress page.

Every page on the way must answer below 400 and show no English interface text; nothing may
scroll sideways or be fetched from another host.
"""

import re

import pytest
from django.core.cache import cache

from enquiries import rules
from enquiries.models import Enquiry
from enquiries.tests.factories import AddresseeFactory, resident_id

from .content import ensure_base

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE_375 = {"width": 375, "height": 740}
TRACKING = re.compile(r"查询码：([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")
# Latin words a Chinese page may show: formats and the site's own codes, never interface words.
ALLOWED_LATIN = {"RSS", "Atom", "API", "JSON", "CSV", "xlsx", "ICP", "Excel", "WPS", "email"}
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def phone(open_session):
    cache.clear()
    session = open_session(viewport=PHONE_375, is_mobile=True, has_touch=True)
    failures = []
    session.page.on(
        "response",
        lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    session.failures = failures
    yield session
    assert session.foreign_requests() == []
    cache.clear()


class Journey:
    """The phone's page, counting every tap and checking each page it lands on."""

    def __init__(self, session):
        self.session, self.page, self.taps = session, session.page, 0

    def check(self):
        page = self.page
        assert self.session.failures == [], self.session.failures
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.evaluate("window.innerWidth") + 1, f"{page.url} is {width} px wide"
        text = CODE.sub("", page.locator("body").inner_text())  # tracking numbers are codes
        english = [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_LATIN]
        assert english == [], f"English on {page.url}: {english[:10]}"

    def tap(self, locator):
        self.taps += 1
        with self.page.expect_navigation():
            locator.tap()
        self.check()


def test_citizen_files_a_request_from_the_home_page_in_three_taps_and_follows_it(phone):
    ensure_base()
    AddresseeFactory(name="测试区民政局")
    journey = Journey(phone)
    page = phone.page
    page.goto("/")
    journey.check()

    journey.tap(page.get_by_role("link", name="依申请公开", exact=False).first)
    assert page.locator("h1").inner_text() == "政府信息公开申请"
    page.fill("#id_asker_name", "李四")
    page.fill("#id_id_number", resident_id())
    page.fill("#id_phone", "13912345678")
    page.get_by_label("向哪个机关申请").select_option(label="测试区民政局")
    page.fill("#id_title", "2026年社区专项资金分配方案")
    page.fill("#id_body", "请提供2026年城乡社区发展治理专项资金分配方案全文。")
    journey.tap(page.get_by_role("button", name="提交申请"))
    assert page.locator("h1").inner_text() == "已收到您的政府信息公开申请"
    assert journey.taps <= 3
    number = TRACKING.search(page.locator(".eq-tracking").inner_text())[1]
    enquiry = Enquiry.objects.get(tracking_number=number.replace("-", ""))
    assert enquiry.kind == rules.REQUEST and enquiry.department.name == "测试区民政局"

    journey.tap(page.get_by_role("link", name="办理进度查询").last)
    page.get_by_label("查询码").fill(number)
    page.get_by_label("手机号码后四位").fill("5678")
    journey.tap(page.get_by_role("button", name="查询"))
    facts = page.locator(".meta-table").inner_text()
    assert number in facts and "已收到" in facts and "答复期限" in facts
    assert "测试区民政局" in facts
