"""Where each catalogue item stands: its latest publications, and whether it is overdue or missing.

``item_status(item, today)`` is what the 公开目录 page, the dashboard and the self-check show.
A periodic item (monthly, quarterly, yearly) is overdue when nothing was published after the end
of the newest period whose deadline has passed (periods ending before ``tracking_since`` are not
required); any other item is missing while nothing at all is published for it.
"""

from dataclasses import dataclass, field

from django.db.models import Max
from django.urls import reverse
from wagtail.models import Page

from siteidentity.govmeta import article_facts, as_date

from . import timerules

LATEST = 3


@dataclass(frozen=True)
class Publication:
    title: str
    url: str
    date: object


@dataclass
class ItemStatus:
    item: object
    publications: list = field(default_factory=list)
    overdue: bool = False
    missing: bool = False
    message: str = ""

    @property
    def latest_date(self):
        return self.publications[0].date if self.publications else None


def _cn(day):
    return f"{day.year}年{day.month}月{day.day}日"


def page_date(page):
    facts = article_facts(page) or {}
    day = as_date(facts.get("pub_date")) or as_date(page.last_published_at)
    return day or as_date(page.first_published_at)


def _page_publications(item):
    pages = [link.page for link in item.links.all()]
    if item.column_id:
        pages += list(Page.objects.child_of(item.column).live().public().order_by("-pk")[:50])
    found = {}
    for page in pages:
        if page.live:
            page = page.specific
            found[page.pk] = Publication(page.title, page.url or "", page_date(page))
    return list(found.values())


def _generated(item):
    from .models import Body, Leader, ServiceItem, WebsiteReport

    kind = item.generated
    if kind == "bodies":
        day = Body.objects.aggregate(d=Max("last_verified"))["d"]
    elif kind == "leaders":
        day = Leader.objects.aggregate(d=Max("last_verified"))["d"]
    elif kind == "services":
        day = ServiceItem.objects.aggregate(d=Max("last_verified"))["d"]
    elif kind == "website_report":
        report = WebsiteReport.objects.filter(published=True).first()
        day = report.published_on if report else None
    elif kind in ("guide", "catalogue"):
        day = Body.objects.aggregate(d=Max("last_verified"))["d"]
    else:
        return []
    if day is None:
        return []
    label = dict(item._meta.get_field("generated").choices)[kind]
    return [Publication(label, reverse(f"govinfo:{kind}"), day)]


def publications(item):
    found = _page_publications(item) + _generated(item)
    return sorted((p for p in found if p.date), key=lambda p: p.date, reverse=True)


def item_status(item, today):
    found = publications(item)
    status = ItemStatus(item, found[:LATEST])
    rule = timerules.parse(item.time_rule)
    period = timerules.required_period(rule, today)
    due = period is not None and period.end >= item.tracking_since
    if due and (not found or found[0].date <= period.end):
        status.overdue = True
        late = (today - period.deadline).days
        status.message = f"{period.label}的信息应于{_cn(period.deadline)}前公开，已逾期 {late} 天"
        return status
    if not found:
        status.missing = True
        status.message = "尚未公开任何内容"
    return status


def catalogue_statuses(today, items=None):
    from .models import CatalogueItem

    if items is None:
        items = CatalogueItem.objects.select_related("body", "column")
    items = items.prefetch_related("links__page")
    return [item_status(item, today) for item in items]
