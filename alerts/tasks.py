"""Background tasks (django-tasks): every alert email is sent here, never in a request."""

import datetime
import logging

from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from . import collect, mail
from .addresses import mask
from .models import Subscriber, Subscription

logger = logging.getLogger(__name__)
DIGEST_LOCK = "alerts:digest-running"
PENDING_DAYS = 7


@task()
def send_confirmation(subscription_id):
    """Send the confirmation request of a pending subscription (nothing else is sent to it)."""
    subscription = (
        Subscription.objects.select_related("subscriber").filter(pk=subscription_id).first()
    )
    if subscription is None:
        return False
    mail.confirmation_message(subscription).send()
    logger.info("alerts: confirmation sent to %s", mask(subscription.subscriber.email))
    return True


def _sections(subscriber, until):
    """(subscription, entries) with news, and the subscriptions whose watermark may advance."""
    sections, done = [], []
    for subscription in subscriber.subscriptions.exclude(confirmed_at=None).select_related(
        "village", "topic", "authority"
    ):
        try:
            entries = collect.new_entries(subscription, until)
        except Exception:
            # This one is tried again next time; the others go out now.
            logger.exception("alerts: collecting subscription %s failed", subscription.pk)
            continue
        done.append(subscription)
        if entries:
            sections.append((subscription, entries))
    return sections, done


def send_subscriber_digest(subscriber, until):
    """One digest message for one address; True when a message was sent."""
    sections, done = _sections(subscriber, until)
    if sections:
        mail.digest_message(subscriber, sections).send()
    with transaction.atomic():
        Subscription.objects.filter(pk__in=[s.pk for s in done]).update(
            last_digest_at=until.at, last_version_id=until.version_id
        )
        for subscription, _entries in sections:
            if subscription.kind == Subscription.REPLY:
                notices = subscription.reply_notices.filter(sent_at=None, created_at__lte=until.at)
                notices.update(sent_at=until.at)
    return bool(sections)


def forget_unconfirmed(now):
    """Pending subscriptions older than a week, and addresses left with none, are deleted."""
    cutoff = now - datetime.timedelta(days=PENDING_DAYS)
    Subscription.objects.filter(confirmed_at=None, created_at__lt=cutoff).delete()
    Subscriber.objects.filter(subscriptions=None, created_at__lt=cutoff).delete()


@task()
def send_digest():
    """The daily digest: one message per address listing what was published since its last."""
    if not cache.add(DIGEST_LOCK, True, 3600):
        logger.warning("alerts: a digest is already running")
        return {"sent": 0, "failed": 0, "skipped": True}
    cutoff = collect.cutoff_now()
    sent = failed = 0
    try:
        subscribers = Subscriber.objects.filter(subscriptions__confirmed_at__isnull=False)
        for subscriber in subscribers.distinct().order_by("pk"):
            try:
                sent += send_subscriber_digest(subscriber, cutoff)
            except Exception:
                failed += 1
                logger.exception("alerts: digest to %s failed", mask(subscriber.email))
        forget_unconfirmed(cutoff.at)
    finally:
        cache.delete(DIGEST_LOCK)
    return {"sent": sent, "failed": failed, "skipped": False}
