"""The daily digest: one message per address, only what is new, with working unsubscribe links."""

import datetime
import re
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from alerts.models import ReplyNotice, Subscription
from alerts.signal_handlers import record_reply
from alerts.tasks import send_digest
from policies.tests.factories import IssuingAuthorityFactory, TopicFactory, make_policy

from .factories import SubscriptionFactory, publish_disclosure, village_with_disclosure

pytestmark = pytest.mark.django_db


@pytest.fixture
def village():
    village, _old = village_with_disclosure()
    return village


def digest_for(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_digest_lists_new_disclosures_of_the_village_with_absolute_links(village):
    subscription = SubscriptionFactory(
        kind="village", village=village, subscriber__email="wang@example.com"
    )
    new = publish_disclosure(village, title="2024年第二季度村务公开")
    out = StringIO()
    call_command("alerts_send_digest", stdout=out)
    assert "已发送 1 封提醒邮件" in out.getvalue()
    [message] = mail.outbox
    assert message.to == ["wang@example.com"]
    assert message.subject == "公开 · 城乡社区治理信息公开订阅提醒：1 条新内容"
    assert "【圩洋村的四务公开】" in message.body
    assert "2024年第二季度村务公开（首次公开）" in message.body
    assert new.get_full_url() in message.body and new.get_full_url().startswith("http://")
    # The disclosure published before the subscription was confirmed is not news.
    assert "2024年第一季度财务公开" not in message.body
    html = message.alternatives[0][0]
    assert f'<a href="{new.get_full_url()}">2024年第二季度村务公开</a>' in html
    headers = message.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<http://localhost/alerts/unsubscribe-all/[^>]+/>", headers["List-Unsubscribe"]
    )
    assert headers["Auto-Submitted"] == "auto-generated"
    subscription.refresh_from_db()
    assert subscription.last_digest_at > new.first_published_at

    mail.outbox.clear()
    call_command("alerts_send_digest", stdout=StringIO())
    assert mail.outbox == []  # nothing new since the last digest


def test_corrections_and_withdrawals_are_news_too(village):
    SubscriptionFactory(kind="village", village=village, subscriber__email="li@example.com")
    page = publish_disclosure(village, title="2024年第二季度村务公开")
    page.summary = "村务事项（更正金额）"
    page.change_reason = "第二项金额录入有误"
    page.save_revision().publish()
    send_digest.call()
    [message] = mail.outbox
    assert "（首次公开）" in message.body
    assert "（更正：第二项金额录入有误）" in message.body


def test_one_message_per_address_with_a_section_per_subscription(village):
    authority = IssuingAuthorityFactory(name="成都市民政局")
    topic = TopicFactory(name="社区治理")
    first = SubscriptionFactory(kind="village", village=village, subscriber__email="a@example.com")
    SubscriptionFactory(kind="authority", authority=authority, subscriber=first.subscriber)
    SubscriptionFactory(kind="topic", topic=topic, subscriber=first.subscriber)
    SubscriptionFactory(kind="authority", authority=authority, subscriber__email="b@example.com")
    pending = SubscriptionFactory(
        kind="authority", authority=authority, subscriber__email="c@example.com", confirmed_at=None
    )
    publish_disclosure(village, title="2024年第二季度村务公开")
    make_policy("关于加强社区治理的通知", authorities=["成都市民政局"], topics=["社区治理"])

    result = send_digest.enqueue()
    assert result.return_value == {"sent": 2, "failed": 0, "skipped": False}
    [for_a] = digest_for("a@example.com")
    [for_b] = digest_for("b@example.com")
    assert digest_for(pending.subscriber.email) == []  # never confirmed: never sent
    assert for_a.subject.endswith("3 条新内容")
    assert "【成都市民政局发布的政策文件】" in for_a.body
    assert "【主题“社区治理”的政策文件和典型案例】" in for_a.body
    assert for_a.body.count("退订此项：") == 3
    assert "关于加强社区治理的通知" in for_b.body and "村务公开" not in for_b.body

    # "退订此项" removes only that section.
    links = re.findall(r"退订此项：(\S+)", for_a.body)
    Client().post("/" + links[0].split("/", 3)[3])
    assert first.subscriber.subscriptions.count() == 2
    assert not Subscription.objects.filter(pk=first.pk).exists()


def test_unpublished_and_private_pages_are_not_sent(village):
    SubscriptionFactory(kind="village", village=village, subscriber__email="d@example.com")
    page = publish_disclosure(village, title="撤下的村务公开")
    # The site refuses to take it offline (disclosures.guards); a page that is not live anyway
    # (written straight to the database) is never sent.
    type(page).objects.filter(pk=page.pk).update(live=False)
    send_digest.call()
    assert mail.outbox == []


def test_saved_search_digest_uses_the_site_search():
    SubscriptionFactory(kind="search", query="垃圾分类", subscriber__email="e@example.com")
    make_policy("关于推进垃圾分类的实施意见", text="垃圾分类工作方案\n第一条　推进垃圾分类。")
    make_policy("关于养老服务的通知", text="养老服务\n第一条　发展养老服务。")
    send_digest.call()
    [message] = mail.outbox
    assert "【检索“垃圾分类”的新结果】" in message.body
    assert "关于推进垃圾分类的实施意见" in message.body
    assert "养老服务" not in message.body


def test_reply_notices_only_for_the_address_the_question_came_from():
    mine = SubscriptionFactory(
        kind="reply", tracking_number="ZX-2026-0001", subscriber__email="f@example.com"
    )
    SubscriptionFactory(
        kind="reply", tracking_number="ZX-2026-0001", subscriber__email="snoop@example.com"
    )
    item = SimpleNamespace(
        tracking_number="zx-2026-0001",
        email="F@Example.com",
        get_public_url=lambda: "/wenda/12/",
    )
    assert record_reply(sender=object, item=item) == 1
    send_digest.call()
    [message] = mail.outbox
    assert message.to == ["f@example.com"]
    assert "查询码 ZX-2026-0001 已有答复" in message.body
    assert "http://localhost/wenda/12/" in message.body
    assert ReplyNotice.objects.get().sent_at is not None
    mail.outbox.clear()
    send_digest.call()
    assert mail.outbox == []  # each reply is told once
    assert mine.reply_notices.count() == 1


def test_a_reply_without_a_public_page_says_where_to_look():
    SubscriptionFactory(kind="reply", tracking_number="GK-1234", subscriber__email="g@example.com")
    item = SimpleNamespace(
        tracking_number="GK-1234", email="g@example.com", get_public_url=lambda: None
    )
    record_reply(sender=object, item=item)
    send_digest.call()
    assert "请凭查询码在办理状态页查看" in mail.outbox[0].body


def test_a_failing_address_does_not_stop_the_others(village, monkeypatch):
    SubscriptionFactory(kind="village", village=village, subscriber__email="bad@example.com")
    SubscriptionFactory(kind="village", village=village, subscriber__email="good@example.com")
    publish_disclosure(village)
    from alerts import mail as alerts_mail

    real = alerts_mail.digest_message

    def flaky(subscriber, sections):
        if subscriber.email == "bad@example.com":
            raise ConnectionError("smtp down")
        return real(subscriber, sections)

    monkeypatch.setattr(alerts_mail, "digest_message", flaky)
    assert send_digest.call() == {"sent": 1, "failed": 1, "skipped": False}
    bad = Subscription.objects.get(subscriber__email="bad@example.com")
    good = Subscription.objects.get(subscriber__email="good@example.com")
    # Its watermark did not move: tomorrow's digest still lists the disclosure.
    assert bad.last_digest_at < good.last_digest_at


def test_pending_subscriptions_are_forgotten_after_a_week(village):
    old = SubscriptionFactory(kind="village", village=village, confirmed_at=None)
    Subscription.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    old.subscriber.__class__.objects.filter(pk=old.subscriber.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    send_digest.call()
    assert not Subscription.objects.filter(pk=old.pk).exists()
    assert not old.subscriber.__class__.objects.filter(pk=old.subscriber.pk).exists()
