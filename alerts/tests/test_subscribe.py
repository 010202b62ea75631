"""Subscribing by email: double opt-in, one-click unsubscribe, no enumeration, hostile input."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from alerts import tokens
from alerts.models import Subscriber, Subscription
from alerts.tasks import send_digest

from .factories import (
    SubscriberFactory,
    SubscriptionFactory,
    publish_disclosure,
    village_with_disclosure,
)

pytestmark = pytest.mark.django_db
ADDRESS = "zhang.san@example.com"


@pytest.fixture
def village():
    village, _disclosure = village_with_disclosure()
    return village


def subscribe(client, captured, kind, target, email=ADDRESS, **extra):
    with captured(execute=True):
        return client.post(
            reverse("alerts:subscribe"), {"kind": kind, "target": target, "email": email, **extra}
        )


def link(message, name):
    prefix = reverse(name, args=["TOKEN"]).split("TOKEN")[0]
    found = re.search(rf"https?://[^/\s]+{re.escape(prefix)}[^/\s]+/", message.body)
    return found.group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def test_village_page_offers_email_subscription(client, village):
    html = client.get(village.url).content.decode()
    assert f'href="/alerts/?village={village.pk}"' in html
    form = client.get(f"/alerts/?village={village.pk}").content.decode()
    assert "圩洋村的四务公开" in form
    assert 'name="csrfmiddlewaretoken"' in form and 'name="website"' in form
    body = form.split("<body", 1)[1]  # deferred enhancement scripts live in the head only
    assert "<script" not in body and "style=" not in body


def test_subscribing_sends_only_a_confirmation_until_confirmed(
    client, village, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks, "village", str(village.pk))
    assert response.status_code == 302 and response["Location"] == reverse("alerts:sent")
    assert "请查收确认邮件" in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ADDRESS]
    assert message.subject == "请确认订阅：圩洋村的四务公开"
    assert "确认之前我们不会再给您发送任何邮件" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None

    # Something is published before confirmation: the digest sends nothing to this address.
    publish_disclosure(village, title="确认前发布的村务公开")
    mail.outbox.clear()
    send_digest.call()
    assert mail.outbox == []

    confirm_path = path_of(link(message, "alerts:confirm"))
    page = client.get(confirm_path)  # a mail scanner following the link confirms nothing
    assert page.status_code == 200 and "确认订阅" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    done = client.post(confirm_path)
    assert "订阅已生效" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert subscription.last_digest_at == subscription.confirmed_at
    send_digest.call()  # what was published before confirming is not news to this reader
    assert mail.outbox == []
    publish_disclosure(village, title="确认后发布的村务公开", quarter=3)
    send_digest.call()
    [digest] = mail.outbox
    assert "确认后发布的村务公开" in digest.body and "确认前发布的村务公开" not in digest.body


def test_confirmation_needs_the_csrf_token(village):
    subscription = SubscriptionFactory(kind="village", village=village, confirmed_at=None)
    token = tokens.make(tokens.CONFIRM, subscription)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("alerts:confirm", args=[token])).status_code == 403
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_expired_confirmation_link_is_refused_with_a_chinese_message(client, village):
    subscription = SubscriptionFactory(kind="village", village=village, confirmed_at=None)
    four_days_ago = time.time() - 4 * 86400
    with mock.patch("django.core.signing.time.time", return_value=four_days_ago):
        token = tokens.make(tokens.CONFIRM, subscription)
    response = client.post(reverse("alerts:confirm", args=[token]))
    assert response.status_code == 400
    assert "链接已过期" in response.content.decode() and "3 天" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


@pytest.mark.parametrize(
    "forge",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature changed
        lambda t: "x" + t,  # payload changed
        lambda t: "not-a-token",
        lambda t: "a" * 5000,
    ],
)
def test_forged_confirmation_links_are_refused(client, village, forge):
    subscription = SubscriptionFactory(kind="village", village=village, confirmed_at=None)
    token = forge(tokens.make(tokens.CONFIRM, subscription))
    response = client.post(reverse("alerts:confirm", args=[token]))
    assert response.status_code == 400 and "链接无效" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_a_token_for_one_purpose_does_not_work_for_another(client, village):
    subscription = SubscriptionFactory(kind="village", village=village, confirmed_at=None)
    unsubscribe_token = tokens.make(tokens.UNSUBSCRIBE, subscription)
    assert client.post(reverse("alerts:confirm", args=[unsubscribe_token])).status_code == 400
    other = SubscriptionFactory(kind="village", village=village)
    other.key = "changed"
    token = tokens.make(tokens.UNSUBSCRIBE, other)
    Subscription.objects.filter(pk=other.pk).update(key="rotated")
    response = client.post(reverse("alerts:unsubscribe", args=[token]))
    assert Subscription.objects.filter(pk=other.pk).exists()
    assert "已经退订" in response.content.decode()


def test_one_click_unsubscribe_without_cookies_or_csrf(village):
    subscription = SubscriptionFactory(kind="village", village=village)
    SubscriptionFactory(subscriber=subscription.subscriber, kind="search", query="低保")
    url = reverse("alerts:unsubscribe", args=[tokens.make(tokens.UNSUBSCRIBE, subscription)])
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(url)
    assert page.status_code == 200 and "确认退订" in page.content.decode()
    assert "<form" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # GET changes nothing
    response = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and "退订成功" in response.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    assert Subscription.objects.filter(query="低保").exists()  # the other one stays
    again = strict.post(url)
    assert again.status_code == 200 and "已经退订" in again.content.decode()


def test_unsubscribe_everything_deletes_the_address(village):
    subscription = SubscriptionFactory(kind="village", village=village)
    SubscriptionFactory(subscriber=subscription.subscriber, kind="search", query="低保")
    subscriber = subscription.subscriber
    url = reverse("alerts:unsubscribe-all", args=[tokens.make(tokens.UNSUBSCRIBE_ALL, subscriber)])
    page = Client().get(url).content.decode()
    assert "r***@example.com" in page and subscriber.email not in page
    Client(enforce_csrf_checks=True).post(url)
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not Subscription.objects.exists()


def test_same_answer_whether_or_not_the_address_is_known(
    client, village, django_capture_on_commit_callbacks
):
    SubscriptionFactory(kind="village", village=village, subscriber__email="known@example.com")
    known = subscribe(
        client, django_capture_on_commit_callbacks, "village", str(village.pk), "known@example.com"
    )
    unknown = subscribe(
        client, django_capture_on_commit_callbacks, "village", str(village.pk), "new@example.com"
    )
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    # The already-confirmed address is not sent another confirmation; the new one is.
    assert [m.to for m in mail.outbox] == [["new@example.com"]]


def test_honeypot_submissions_are_accepted_silently(
    client, village, django_capture_on_commit_callbacks
):
    response = subscribe(
        client,
        django_capture_on_commit_callbacks,
        "village",
        str(village.pk),
        website="http://spam.example",
    )
    assert response.status_code == 302 and response["Location"] == reverse("alerts:sent")
    assert mail.outbox == [] and not Subscriber.objects.exists()


def test_rate_limit_per_address(client, village, django_capture_on_commit_callbacks, settings):
    settings.ALERTS_RATE_PER_ADDRESS = 2
    answers = [
        subscribe(client, django_capture_on_commit_callbacks, "search", f"检索{n}")["Location"]
        for n in range(4)
    ]
    assert set(answers) == {reverse("alerts:sent")}
    assert len(mail.outbox) == 2
    assert Subscription.objects.count() == 2
    other = subscribe(
        client, django_capture_on_commit_callbacks, "search", "检索", email="li.si@example.com"
    )
    assert other.status_code == 302 and len(mail.outbox) == 3


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "a" * 10000 + "@example.com"}, "电子邮箱过长"),
        ({"email": "not-an-email"}, "电子邮箱格式不正确"),
        ({"email": "<script>alert(1)</script>@example.com"}, "电子邮箱格式不正确"),
        ({"email": ""}, "请填写电子邮箱"),
        ({"target": "检" * 10000}, "订阅内容过长"),
        ({"kind": "everything"}, "订阅类型无效"),
        ({"kind": "village", "target": "99999999"}, "找不到要订阅的村"),
        ({"kind": "village", "target": "１２"}, "找不到要订阅的村"),
        ({"kind": "topic", "target": "<script>"}, "找不到要订阅的主题分类"),
        ({"kind": "reply", "target": "<b>x</b>"}, "查询码格式不正确"),
        ({"website": "x" * 10000}, ""),  # a robot: accepted silently, see below
    ],
)
def test_bad_input_gets_a_clear_chinese_message(
    client, village, django_capture_on_commit_callbacks, fields, message
):
    data = {"kind": "search", "target": "社区", "email": ADDRESS, **fields}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("alerts:subscribe"), data)
    if not message:
        assert response.status_code == 302
    else:
        html = response.content.decode()
        assert response.status_code == 400
        assert message in html
        assert "<script>" not in html
    assert mail.outbox == [] and not Subscription.objects.exists()


def test_script_in_a_saved_search_is_escaped_everywhere(client, django_capture_on_commit_callbacks):
    query = "<script>alert(1)</script>"
    form = client.get("/alerts/", {"q": query}).content.decode()
    assert "<script>alert" not in form and "&lt;script&gt;" in form
    subscribe(client, django_capture_on_commit_callbacks, "search", query)
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_unknown_targets_in_the_link_are_a_404_in_chinese(client):
    for params in ({"village": "abc"}, {"village": "123456"}, {"authority": "9" * 40}):
        response = client.get("/alerts/", params)
        assert response.status_code == 404
        assert "找不到要订阅的" in response.content.decode()


def test_addresses_are_never_logged_in_full(
    client, village, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("INFO", logger="alerts")
    subscribe(client, django_capture_on_commit_callbacks, "village", str(village.pk))
    confirm_path = path_of(link(mail.outbox[0], "alerts:confirm"))
    client.post(confirm_path)
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "z***@example.com" in text
    assert ADDRESS not in text


def test_the_request_itself_sends_nothing(
    client, village, settings, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    subscribe(client, django_capture_on_commit_callbacks, "village", str(village.pk))
    assert mail.outbox == []
    [queued] = default_task_backend.results
    assert queued.task.name == "send_confirmation"
    assert queued.args == [Subscription.objects.get().pk]


def test_elder_mode_and_small_screens_have_styles():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[1] / "static/alerts/alerts.css").read_text()
    assert "html.elder .alerts-form button" in css and "min-height: 60px" in css
    assert "@media (max-width: 400px)" in css


def test_subscriber_str_is_masked():
    assert str(SubscriberFactory(email="wang.wu@example.com")) == "w***@example.com"


def test_rate_limit_counts_one_mailbox_whatever_its_tags(
    client, village, django_capture_on_commit_callbacks, settings
):
    """Ten spellings of one inbox (+tags, capitals, full-width ＠) share the per-address limit."""
    settings.ALERTS_RATE_PER_ADDRESS = 3
    settings.ALERTS_RATE_PER_CLIENT = 100
    spellings = [f"victim+{n}@example.com" for n in range(6)] + [
        "Victim@Example.com",
        "victim＠example.com",
        "VICTIM+x@example.com",
        "victim@example.com",
    ]
    for n, email in enumerate(spellings):
        subscribe(client, django_capture_on_commit_callbacks, "search", f"检索{n}", email=email)
    assert len(mail.outbox) == 3


def test_the_site_wide_hourly_mail_budget_stops_a_flood(
    client, village, django_capture_on_commit_callbacks, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.MAIL_HOURLY_CAP = 2
    settings.ALERTS_RATE_PER_CLIENT = 100
    for n in range(5):
        subscribe(
            client, django_capture_on_commit_callbacks, "search", "检索", email=f"p{n}@example.com"
        )
    assert len(mail.outbox) == 2
