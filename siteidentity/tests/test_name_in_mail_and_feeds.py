"""E-mails and feeds carry the site name an administrator set in 网站标识, not a literal."""

from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from alerts.tests.factories import SubscriptionFactory, publish_disclosure, village_with_disclosure
from enquiries.tests.test_asking import request_data

from .factories import identity

pytestmark = pytest.mark.django_db
NAME = "测试市 · 社区治理公开"


@pytest.fixture(autouse=True)
def named_site():
    cache.clear()
    identity(site_name=NAME)
    yield
    cache.clear()


def test_enquiry_step_email_is_signed_with_the_configured_name(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("enquiries:ask_request"), request_data())
    [message] = mail.outbox
    assert message.subject.startswith(f"【{NAME}】您的")
    assert message.body.rstrip().endswith(NAME)
    assert "城乡社区治理信息公开" not in message.subject + message.body


def test_alert_digest_subject_and_signature_use_the_configured_name():
    village, _ = village_with_disclosure()
    SubscriptionFactory(kind="village", village=village, subscriber__email="wang@example.com")
    publish_disclosure(village, title="2024年第二季度村务公开")
    call_command("alerts_send_digest", stdout=StringIO())
    [message] = mail.outbox
    assert message.subject == f"{NAME}订阅提醒：1 条新内容"
    assert f"—— {NAME}" in message.body
    assert NAME in message.alternatives[0][0]


def test_alert_feeds_are_titled_with_the_configured_name(client):
    village_with_disclosure()
    response = client.get("/feeds/siwu.rss")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    assert root.find("channel").findtext("title") == f"{NAME} · 四务公开"
