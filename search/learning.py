"""Search that learns: every search is counted with Wagtail's own ``Query.add_hit`` (plus the
empty ones in ``ZeroResultHits``), and editors' promotions are shown above the results."""

import datetime
import logging

from django.db import DatabaseError, models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .analysis.normalize import strip_controls, to_simplified
from .models import ZeroResultHits

logger = logging.getLogger(__name__)


def query_key(text):
    """The query string as it is stored: no control characters, Wagtail's normalisation."""
    return normalise_query_string(" ".join(strip_controls(text or "").split()))


def record_search(text, count):
    """Count one search (and whether it found nothing); a failing write never fails the search."""
    key = query_key(text)
    if not key:
        return
    try:
        with transaction.atomic():
            query = Query.get(key)
            query.add_hit()
            if not count:
                row, _ = ZeroResultHits.objects.get_or_create(
                    query=query, date=timezone.localdate()
                )
                row.hits = models.F("hits") + 1
                row.save(update_fields=["hits"])
    except DatabaseError:
        logger.exception("could not record the search %r", key[:100])


def promotions_for(text):
    """Editors' picks for this query (as typed, or in simplified script): title, url, text."""
    key = query_key(text)
    if not key:
        return []
    keys = {key, query_key(to_simplified(key))}
    picks = SearchPromotion.objects.filter(query__query_string__in=keys).select_related("page")
    live = set(
        Page.objects.live()
        .public()
        .filter(pk__in=[p.page_id for p in picks if p.page_id])
        .values_list("pk", flat=True)
    )
    out, seen = [], set()
    for pick in picks:
        if pick.page_id:
            if pick.page_id not in live:
                continue
            url = pick.page.get_url() or pick.page.url_path
        else:
            url = pick.external_link_url
        if not url or url in seen:
            continue
        seen.add(url)
        out.append({"title": pick.title or url, "url": url, "description": pick.description})
    return out


def _sum_since(model, since):
    rows = (
        model.objects.filter(query=models.OuterRef("pk"), date__gte=since)
        .values("query")
        .annotate(total=models.Sum("hits"))
        .values("total")
    )
    return Coalesce(models.Subquery(rows, output_field=models.IntegerField()), 0)


def query_stats(days, today=None):
    """Queries searched in the last ``days`` days (today included), with searches and empty ones.

    Each figure is a subquery, so the two counts never multiply each other through a join.
    """
    since = (today or timezone.localdate()) - datetime.timedelta(days=days - 1)
    return (
        Query.objects.annotate(
            _hits=_sum_since(QueryDailyHits, since), _zero=_sum_since(ZeroResultHits, since)
        )
        .filter(_hits__gt=0)
        .order_by("-_hits", "query_string")
    )
