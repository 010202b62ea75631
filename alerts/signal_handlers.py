"""Replies to a subscriber's own question or request, from the questions app's signal."""

import logging

from django.db import transaction

from .addresses import normalize

logger = logging.getLogger(__name__)


def record_reply(sender, item, **kwargs):
    """Queue a reply notice for confirmed subscriptions to the item's tracking number, only for
    the address the item was filed with (no one learns about someone else's request)."""
    from .models import ReplyNotice, Subscription

    number = str(getattr(item, "tracking_number", "") or "").strip().upper()
    email = normalize(getattr(item, "email", "") or "")
    if not number or not email:
        return 0
    url = ""
    get_url = getattr(item, "get_public_url", None)
    if callable(get_url):
        from .mail import absolute

        url = str(get_url() or "")
        url = absolute(url) if url.startswith(("/", "http://", "https://")) else ""
    subscriptions = Subscription.objects.filter(
        kind=Subscription.REPLY,
        tracking_number=number,
        subscriber__email=email,
    ).exclude(confirmed_at=None)
    with transaction.atomic():
        notices = [ReplyNotice(subscription=s, url=url[:500]) for s in subscriptions]
        ReplyNotice.objects.bulk_create(notices)
    return len(notices)


def connect_reply_published():
    from enquiries.signals import reply_published

    reply_published.connect(record_reply, dispatch_uid="alerts_record_reply")
