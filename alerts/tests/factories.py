"""Factories for alerts tests: addresses, subscriptions and a tiny site to subscribe to."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from alerts.collect import cutoff_now
from alerts.models import Subscriber, Subscription
from disclosures.tests.factories import finance_disclosure, hierarchy


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"reader{n}@example.com")


class SubscriptionFactory(DjangoModelFactory):
    """A subscription confirmed now (so only what is published later is news), unless
    ``confirmed_at=None``."""

    class Meta:
        model = Subscription

    subscriber = factory.SubFactory(SubscriberFactory)
    kind = Subscription.SEARCH
    query = "社区"
    confirmed_at = factory.LazyFunction(timezone.now)
    last_digest_at = factory.SelfAttribute("confirmed_at")
    last_version_id = factory.LazyFunction(lambda: cutoff_now().version_id)


def village_with_disclosure(title="圩洋村", **fields):
    """A live village (in a new hierarchy) and one published finance disclosure of it."""
    _index, _county, _township, (village,) = hierarchy((title,))
    return village, finance_disclosure(village, **fields)


def publish_disclosure(village, title="2024年第二季度村务公开", quarter=2, **fields):
    """A published 村务 disclosure (no finance table) of the village."""
    fields = {"category": "village", "period_number": quarter, "summary": "村务事项", **fields}
    for name in ("opening_balance", "total_income", "total_expenditure", "closing_balance"):
        fields.setdefault(name, None)
    return finance_disclosure(village, lines=[], title=title, **fields)
