"""A collection's saved criteria as a query over live public pages, pinned pages first.

Criteria combine with AND; the values chosen within one criterion combine with OR. A criterion
whose stored topics (authorities, regions, packages) have all been deleted matches nothing
rather than everything: a deleted topic never silently widens a collection.
"""

import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import (
    Case,
    DateField,
    F,
    IntegerField,
    Max,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .sources import by_key, fact_q, source_for, sources_for
from .validation import REFERENCES, VALIDITY_VALUES, as_ids, split_tags

logger = logging.getLogger(__name__)

SEARCH_LIMIT = 500
STEPS = (
    "types",
    "topics",
    "authorities",
    "region",
    "tags",
    "package",
    "validity",
    "dates",
    "search",
)


class SearchUnavailable(Exception):
    """The site search failed; the collection shows a message instead of guessing."""


@dataclass
class Criteria:
    """The usable criteria of one collection page (deleted references already left out)."""

    sources: list
    facts: dict = field(default_factory=dict)  # fact → ids (names for regions and tags)
    names: dict = field(default_factory=dict)  # fact → display names of the values
    missing: dict = field(default_factory=dict)  # criterion field → deleted ids
    validity: list = field(default_factory=list)
    date_from: object = None
    date_to: object = None
    search_query: str = ""
    sort: str = "newest"
    _search_ids: list | None = None

    @classmethod
    def of(cls, page):
        keys = page.content_types if isinstance(page.content_types, list) else []
        known = by_key()
        crit = cls(
            sources=sources_for([k for k in keys if k in known]),
            validity=[v for v in page.validity or [] if v in VALIDITY_VALUES]
            if isinstance(page.validity, list)
            else [],
            date_from=page.date_from,
            date_to=page.date_to,
            search_query=(page.search_query or "").strip(),
            sort=page.sort or "newest",
        )
        for name, (fact, label) in REFERENCES.items():
            ids = as_ids(getattr(page, name))
            if not ids:
                continue
            model = apps.get_model(label)
            found = {
                obj.pk: (obj.title if label.endswith("Page") else obj.name)
                for obj in model.objects.filter(pk__in=ids)
            }
            kept = [i for i in ids if i in found]
            if len(kept) < len(ids):
                crit.missing[name] = [i for i in ids if i not in found]
            crit.names[fact] = [found[i] for i in kept]
            crit.facts[fact] = crit.names[fact] if fact == "region" else kept
        tags = split_tags(page.tags)
        if tags:
            crit.facts["tags"] = crit.names["tags"] = tags
        return crit

    def as_dict(self):
        return {
            "content_types": [s.key for s in self.sources],
            "content_type_labels": [s.label for s in self.sources],
            "topics": self.names.get("topics", []),
            "authorities": self.names.get("authorities", []),
            "regions": self.names.get("region", []),
            "packages": self.names.get("package", []),
            "tags": self.names.get("tags", []),
            "validity": self.validity,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "search_query": self.search_query,
            "sort": self.sort,
        }

    def search_ids(self):
        """Ids of live pages the site search finds for the query, best first."""
        if self._search_ids is None:
            from search.engine import SearchRequest, get_engine

            try:
                engine = get_engine()
                if hasattr(engine, "match_ids"):
                    self._search_ids = list(engine.match_ids(self.search_query))
                else:
                    req = SearchRequest(q=self.search_query, per_page=SEARCH_LIMIT)
                    self._search_ids = [hit.id for hit in engine.search(req).hits]
            except Exception as exc:
                logger.exception("collection search failed for %r", self.search_query[:100])
                raise SearchUnavailable from exc
        return self._search_ids


def _source_queryset(source, crit, steps):
    """Pages of one source meeting the fact and validity criteria, or None if it cannot."""
    if "types" in steps and crit.sources and source not in crit.sources:
        return None
    queryset = source.model.objects.all()
    for fact, values in crit.facts.items():
        if fact not in steps:
            continue
        if not source.carries(fact):
            return None
        queryset = queryset.filter(fact_q(source, fact, values))
    if "validity" in steps and crit.validity and source.validity:
        queryset = queryset.filter(**{f"{source.validity}__in": in_force_ids(crit.validity)})
    return queryset


def in_force_ids(values):
    """Ids of policies whose validity today (policies.validity's one rule) is in ``values``."""
    from policies.models import PolicyPage
    from policies.validity import ANNOTATION, annotate_validity

    policies = annotate_validity(PolicyPage.objects.all())
    return policies.filter(**{f"{ANNOTATION}__in": values}).values("pk")


def date_expression(sources):
    paths = [f"{s.accessor}__{name}" for s in sources for name in s.date_fields]
    return Coalesce(*paths) if len(paths) > 1 else F(paths[0])


def matching(collection, crit, steps=STEPS):
    """Live public pages meeting the criteria in ``steps``, annotated with ``item_date``."""
    sources = crit.sources if "types" in steps else sources_for([])
    q = Q(pk__in=[])
    for source in sources:
        queryset = _source_queryset(source, crit, steps)
        if queryset is not None:
            q |= Q(pk__in=queryset.values("pk"))
    pages = Page.objects.live().public().filter(q)
    if collection.pk:
        pages = pages.exclude(pk=collection.pk)
    pages = pages.annotate(item_date=date_expression(sources))
    if "dates" in steps and crit.date_from:
        pages = pages.filter(item_date__gte=crit.date_from)
    if "dates" in steps and crit.date_to:
        pages = pages.filter(item_date__lte=crit.date_to)
    if "search" in steps and crit.search_query:
        pages = pages.filter(pk__in=crit.search_ids())
    return pages


def ordered(pages, crit):
    if crit.sort == "relevance" and crit.search_query:
        ids = crit.search_ids()
        rank = Case(
            *[When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)],
            default=Value(len(ids)),
            output_field=IntegerField(),
        )
        return pages.order_by(rank, "-pk")
    if crit.sort == "oldest":
        return pages.order_by(F("item_date").asc(nulls_last=True), "pk")
    return pages.order_by(F("item_date").desc(nulls_last=True), "-pk")


@dataclass
class Item:
    page: object
    source: object
    date: object
    pinned: bool = False

    @property
    def label(self):
        return self.source.label if self.source else "页面"


def item_date(page, source):
    for name in source.date_fields if source else ():
        value = getattr(page, name, None)
        if value:
            return value
    first = page.first_published_at
    return first.date() if first else None


def prefetch_for_listing(pages):
    """Fetch, for all shown items at once, what each page type's line in a listing reads (its
    source's ``listing_relations``)."""
    relations = {source.model_label: source.listing_relations for source in sources_for([])}
    by_model = {}
    for page in pages:
        by_model.setdefault(page._meta.label, []).append(page)
    for label, group in by_model.items():
        if relations.get(label):
            prefetch_related_objects(group, *relations[label])
    return pages


def pinned_items(collection):
    """The live public pinned pages in the editor's order (works in preview, before saving)."""
    pins = [pin for pin in collection.pins.all() if pin.page_id]
    ids = [pin.page_id for pin in pins]
    live = {p.pk: p for p in Page.objects.live().public().filter(pk__in=ids).specific()}
    items, seen = [], set()
    for pin in pins:
        page = live.get(pin.page_id)
        if page is None or page.pk in seen or page.pk == collection.pk:
            continue
        seen.add(page.pk)
        source = source_for(page)
        items.append(Item(page, source, item_date(page, source), pinned=True))
    prefetch_for_listing([item.page for item in items])
    return items


def hidden_pins(collection):
    """Titles of pinned pages readers cannot see (unpublished or restricted), for the preview."""
    ids = [pin.page_id for pin in collection.pins.all() if pin.page_id]
    shown = set(Page.objects.live().public().filter(pk__in=ids).values_list("pk", flat=True))
    return list(Page.objects.filter(pk__in=set(ids) - shown).values_list("title", flat=True))


class Combined:
    """Pinned items, then the matching pages: a sequence a Paginator can slice."""

    def __init__(self, pins, pages):
        self.pins = pins
        self.pages = pages.exclude(pk__in=[item.page.pk for item in pins])
        self._count = None

    def count(self):
        if self._count is None:
            self._count = len(self.pins) + self.pages.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        shown = self.pins[start:stop]
        rest_start = max(0, start - len(self.pins))
        rest_stop = max(0, stop - len(self.pins))
        if rest_stop > rest_start:
            pages = prefetch_for_listing(list(self.pages[rest_start:rest_stop].specific()))
            for page in pages:
                source = source_for(page)
                date = getattr(page, "item_date", None) or item_date(page, source)
                shown.append(Item(page, source, date))
        return shown


def _memo(collection, key, make):
    """Work done once per page object: a page is loaded afresh for every request."""
    cache = collection.__dict__.setdefault("_specials_memo", {})
    if key not in cache:
        cache[key] = make()
    return cache[key]


def criteria_of(collection):
    return _memo(collection, "criteria", lambda: Criteria.of(collection))


def pins_of(collection):
    return _memo(collection, "pins", lambda: pinned_items(collection))


def collection_items(collection):
    """Everything the collection shows, in its order; an unavailable search shows nothing."""

    def make():
        crit = criteria_of(collection)
        try:
            pages = ordered(matching(collection, crit), crit)
        except SearchUnavailable:
            pages = Page.objects.none().annotate(item_date=Value(None, output_field=DateField()))
        return Combined(pins_of(collection), pages)

    return _memo(collection, "items", make)


def first_items(collection, count):
    return collection_items(collection)[:count]


def item_count(collection):
    return collection_items(collection).count()


def newest_item_date(collection):
    """The date of the most recently dated item, pinned items included, or None."""
    items = collection_items(collection)
    dates = [item.date for item in items.pins if item.date]
    newest = items.pages.aggregate(newest=Max("item_date"))["newest"]
    return max([*dates, newest] if newest else dates, default=None)


def newest_change(collection):
    """When the collection or any of its items last changed (for the sitemap's lastmod)."""
    items = collection_items(collection)
    times = [i.page.last_published_at for i in items.pins if i.page.last_published_at]
    times.append(items.pages.aggregate(t=Max("last_published_at"))["t"])
    times.append(collection.last_published_at)
    return max((t for t in times if t), default=None)


def item_json(item):
    return {
        "id": item.page.pk,
        "title": item.page.title,
        "url": item.page.url,
        "type": item.source.key if item.source else "page",
        "type_label": item.label,
        "date": item.date.isoformat() if item.date else None,
        "pinned": item.pinned,
    }
