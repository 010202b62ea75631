"""What was published in a time window for one subscription: the lines of a digest."""

import logging
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone

logger = logging.getLogger(__name__)
SECTION_LIMIT = 20


@dataclass
class Cutoff:
    """Where a digest stops: a moment, and the newest disclosure version id at that moment."""

    at: object
    version_id: int


def cutoff_now():
    from django.db.models import Max

    from disclosures.models import DisclosureVersion

    newest = DisclosureVersion.objects.aggregate(newest=Max("pk"))["newest"] or 0
    return Cutoff(timezone.now(), newest)


@dataclass
class Entry:
    title: str
    url: str
    when: object  # aware datetime
    note: str = ""

    @property
    def local_date(self):
        return timezone.localtime(self.when).date() if self.when else None


def _page_entry(page, note=""):
    return Entry(page.title, page.get_full_url() or "", page.first_published_at, note)


def _window(queryset, since, until, field="first_published_at"):
    return queryset.filter(**{f"{field}__gt": since, f"{field}__lte": until})


def village_entries(subscription, since, until):
    """Every publication, correction and withdrawal of the village's live disclosures, by
    version id (their times are whole seconds, too coarse for a watermark)."""
    from disclosures.models import DisclosurePage, DisclosureVersion

    village = subscription.village
    if village is None or not village.live:
        return []
    pages = DisclosurePage.objects.live().public().child_of(village)
    versions = (
        DisclosureVersion.objects.filter(
            page__in=pages,
            pk__gt=subscription.last_version_id or 0,
            pk__lte=until.version_id,
        )
        .select_related("page")
        .order_by("-published_at", "-pk")
    )
    entries = []
    for version in versions[:SECTION_LIMIT]:
        note = version.get_kind_display()
        if version.reason:
            note = f"{note}：{version.reason[:100]}"
        entries.append(
            Entry(version.page.title, version.page.get_full_url() or "", version.published_at, note)
        )
    return entries


def topic_entries(subscription, since, cutoff):
    until = cutoff.at
    from news.models import CaseStudyPage
    from policies.models import PolicyPage

    topic = subscription.topic
    policies = _window(PolicyPage.objects.live().public().filter(topics=topic), since, until)
    cases = _window(CaseStudyPage.objects.live().public().filter(themes=topic), since, until)
    entries = [_page_entry(p, "政策文件") for p in policies.distinct()[:SECTION_LIMIT]]
    entries += [_page_entry(c, "典型案例") for c in cases.distinct()[:SECTION_LIMIT]]
    return sorted(entries, key=lambda e: e.when, reverse=True)[:SECTION_LIMIT]


def authority_entries(subscription, since, cutoff):
    until = cutoff.at
    from policies.models import PolicyPage

    policies = PolicyPage.objects.live().public().filter(issuing_authorities=subscription.authority)
    found = _window(policies, since, until).distinct().order_by("-first_published_at", "-pk")
    return [_page_entry(p, "政策文件") for p in found[:SECTION_LIMIT]]


def search_pages(query, per_page=50):
    """Live public pages matching a saved search, newest first, through the site's search."""
    from wagtail.models import Page

    from search.engine import SearchRequest, run_search

    params = QueryDict(mutable=True)
    params.update({"q": query, "sort": "newest"})
    request = SearchRequest.from_params(params)
    request.per_page = per_page
    response, status = run_search(request)
    if status != 200:
        raise RuntimeError("search unavailable")
    ids = [hit.id for hit in response.hits]
    pages = Page.objects.live().public().filter(pk__in=ids).specific()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def search_entries(subscription, since, cutoff):
    until = cutoff.at
    found = [
        page
        for page in search_pages(subscription.query)
        if page.first_published_at and since < page.first_published_at <= until
    ]
    return [_page_entry(page) for page in found[:SECTION_LIMIT]]


def reply_entries(subscription, since, cutoff):
    until = cutoff.at
    notices = subscription.reply_notices.filter(sent_at=None, created_at__lte=until)
    return [
        Entry(
            f"查询码 {subscription.tracking_number} 已有答复",
            n.url,
            n.created_at,
            "" if n.url else "请凭查询码在办理状态页查看",
        )
        for n in notices
    ]


COLLECTORS = {
    "village": village_entries,
    "topic": topic_entries,
    "authority": authority_entries,
    "search": search_entries,
    "reply": reply_entries,
}


def new_entries(subscription, until):
    """What the subscription's next digest lists: published after its last digest and up to
    the Cutoff ``until``."""
    since = subscription.last_digest_at or subscription.confirmed_at
    return COLLECTORS[subscription.kind](subscription, since, until)
