"""A villager on a 320 px phone without JavaScript, in elder mode, subscribes and confirms."""

import re

import pytest
from django.core import mail

from alerts.models import Subscription
from tests.browser.conftest import browser, open_session  # noqa: F401  (fixtures)

from .factories import village_with_disclosure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 320, "height": 640}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_subscribe_and_confirm_on_a_phone_without_javascript_in_elder_mode(open_session):  # noqa: F811
    from tests.browser.content import ensure_base

    ensure_base()  # live-server tests start from a flushed database: root, locale, site
    village, _page = village_with_disclosure("圩洋村")
    session = open_session(java_script_enabled=False, viewport=PHONE)
    session.context.add_cookies([{"name": "elder", "value": "1", "url": session.base_url}])
    page = session.page
    page.goto(village.url)
    with page.expect_navigation():
        page.get_by_role("link", name="邮件订阅").click()
    assert "圩洋村的四务公开" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= 321")
    field = page.get_by_label("电子邮箱")
    assert box(page, "#alerts-email")["height"] >= 60
    assert box(page, ".alerts-form button")["height"] >= 60
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert size >= 18
    field.fill("villager@example.com")
    with page.expect_navigation():
        page.get_by_role("button", name="订阅").click()
    assert page.locator("h1").inner_text() == "请查收确认邮件"

    [message] = mail.outbox
    confirm_path = re.search(r"https?://[^/\s]+(/alerts/confirm/\S+/)", message.body).group(1)
    page.goto(confirm_path)
    assert page.evaluate("document.documentElement.scrollWidth <= 321")
    with page.expect_navigation():
        page.get_by_role("button", name="确认订阅").click()
    assert page.locator("h1").inner_text() == "订阅已生效"
    assert Subscription.objects.get().confirmed_at is not None
    assert session.foreign_requests() == []
