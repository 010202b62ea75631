"""The one rate limiter of the public forms: counts per subject, windows, hashed keys, and the
client address from throttling.client_ip for both enquiries and alerts."""

import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from alerts.models import Subscription
from enquiries.models import Enquiry
from enquiries.tests.test_asking import request_data
from throttling.ratelimit import Limit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_limit_counts_each_subject_separately():
    limit = Limit("test:form", 2, 3600)
    assert [limit.allow("198.51.100.1") for _ in range(3)] == [True, True, False]
    assert limit.exceeded("198.51.100.1") and not limit.exceeded("198.51.100.2")
    assert limit.allow("198.51.100.2")
    # Another limit with the same subject keeps its own count.
    assert Limit("test:other", 2, 3600).allow("198.51.100.1")


def test_the_count_starts_again_in_the_next_window(monkeypatch):
    limit = Limit("test:window", 1, 60)
    now = 1_800_000_000.0
    monkeypatch.setattr(time, "time", lambda: now)
    assert limit.allow("x") and not limit.allow("x")
    monkeypatch.setattr(time, "time", lambda: now + 60)
    assert limit.allow("x")


def test_keys_never_hold_the_subject(monkeypatch):
    seen = []
    monkeypatch.setattr(cache, "add", lambda key, *a, **k: seen.append(key) or True)
    Limit("test:private", 3, 60).hit("zhangsan@example.com")
    assert seen and "zhangsan" not in seen[0] and "example" not in seen[0]


def test_a_cache_that_is_down_locks_nobody_out(monkeypatch):
    monkeypatch.setattr(cache, "add", lambda *a, **k: False)
    monkeypatch.setattr(cache, "incr", lambda *a, **k: None)
    monkeypatch.setattr(cache, "get", lambda *a, **k: None)
    limit = Limit("test:down", 1, 60)
    assert all(limit.allow("x") for _ in range(5)) and not limit.exceeded("x")


def file(client, n, **headers):
    data = request_data(title=f"申请{n}")
    return client.post(reverse("enquiries:ask_request"), data, **headers)


def test_enquiries_believe_forwarded_addresses_only_from_a_trusted_proxy(client, settings):
    settings.GONGKAI_TRUSTED_PROXIES = []
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # An untrusted client cannot dodge the limit by writing a new X-Forwarded-For each time.
    codes = [file(client, n, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(6)]
    assert codes == [302] * 5 + [429]
    # Behind the trusted proxy, the proxy's entry is the client: another person is not blocked.
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    assert file(client, 7, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302
    assert Enquiry.objects.count() == 6


def subscribe(client, captured, n, **headers):
    data = {"kind": "search", "target": f"检索{n}", "email": f"user{n}@example.com"}
    with captured(execute=True):
        return client.post(reverse("alerts:subscribe"), data, **headers)


def test_alerts_limit_one_client_sending_to_many_inboxes(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ALERTS_RATE_PER_CLIENT = 3
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(5):
        response = subscribe(
            client, django_capture_on_commit_callbacks, n, HTTP_X_FORWARDED_FOR="203.0.113.5"
        )
        assert response["Location"] == reverse("alerts:sent")  # the same answer every time
    assert len(mail.outbox) == 3 and Subscription.objects.count() == 3
    other = subscribe(
        client, django_capture_on_commit_callbacks, 9, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert other.status_code == 302 and len(mail.outbox) == 4
