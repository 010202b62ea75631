"""The digest goes out over real SMTP (aiosmtpd on loopback) and its unsubscribe link works."""

import email
import re
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from alerts.models import Subscription
from alerts.tasks import send_digest

from .factories import SubscriptionFactory, publish_disclosure, village_with_disclosure

pytestmark = pytest.mark.django_db


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "公开 <noreply@gongkai.example.cn>"
    try:
        yield inbox
    finally:
        controller.stop()


def test_digest_over_real_smtp_with_one_click_unsubscribe(smtp_server):
    village, _old = village_with_disclosure("圩洋村")
    subscription = SubscriptionFactory(
        kind="village", village=village, subscriber__email="villager@example.com"
    )
    new = publish_disclosure(village, title="2024年第二季度村务公开")

    assert send_digest.call() == {"sent": 1, "failed": 0, "skipped": False}

    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == ["villager@example.com"]
    assert envelope.mail_from == "noreply@gongkai.example.cn"
    message = email.message_from_bytes(envelope.original_content, policy=policy.default)
    assert message["To"] == "villager@example.com"
    assert str(message["Subject"]).strip() == "公开 · 城乡社区治理信息公开订阅提醒：1 条新内容"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "2024年第二季度村务公开（首次公开）" in text
    assert new.get_full_url() in text and f'href="{new.get_full_url()}"' in html

    unsubscribe = message["List-Unsubscribe"].strip()  # long headers are folded onto a new line
    header = re.fullmatch(r"<(http://localhost(/alerts/unsubscribe-all/[^>]+/))>", unsubscribe)
    assert header, unsubscribe
    assert header.group(1) in text and header.group(1) in html
    section_link = re.search(r"退订此项：(http://localhost(/alerts/unsubscribe/\S+/))", text)
    assert section_link

    # What a mail client does for a one-click unsubscribe (RFC 8058): POST, no cookies, no CSRF.
    response = Client(enforce_csrf_checks=True).post(
        header.group(2),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200 and "退订成功" in response.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
