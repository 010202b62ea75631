"""One run of the checker: collect the links, then check those due, home page links first,
within a bounded number of checks and a time budget (the rest wait for the next run)."""

import datetime
import time

from django.conf import settings
from django.db.models import F
from django.test import Client
from django.utils import timezone

from . import check
from .collect import collect
from .models import Link, Outcome
from .polite import Politeness

MAX_CHECKS = 500
BUDGET_SECONDS = 15 * 60
RECHECK_AFTER = datetime.timedelta(hours=20)


def due(now):
    """Links never checked or checked long enough ago, home page first, oldest first."""
    stale = now - RECHECK_AFTER
    links = Link.objects.filter(checked_at__isnull=True) | Link.objects.filter(checked_at__lt=stale)
    return links.order_by("-on_home_page", F("checked_at").asc(nulls_first=True), "pk")


def _save(link, result, now):
    link.outcome = result.outcome
    link.status_code = result.status_code
    link.message = result.message[:300]
    link.checked_at = now
    link.failures = link.failures + 1 if result.outcome == Outcome.DEAD else 0
    link.save(update_fields=["outcome", "status_code", "message", "checked_at", "failures"])


def check_due(polite=None, clock=time.monotonic):
    """Check the links that are due; returns {outcome: count}."""
    limit = getattr(settings, "LINKCHECK_MAX_CHECKS", MAX_CHECKS)
    budget = getattr(settings, "LINKCHECK_BUDGET_SECONDS", BUDGET_SECONDS)
    polite = polite or Politeness()
    client = Client(raise_request_exception=False)
    started, counts = clock(), {}
    for link in due(timezone.now())[:limit]:
        if clock() - started > budget:
            break
        if link.external:
            result = check.check_external(link.url, polite)
        else:
            result = check.check_internal(link.url, client)
        _save(link, result, timezone.now())
        counts[result.outcome] = counts.get(result.outcome, 0) + 1
    return counts


def run(polite=None):
    pages = collect()
    counts = check_due(polite)
    return pages, counts
