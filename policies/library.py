"""Filtering, sorting, counting and paging of the policy library from a query string."""

import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import ExtractYear

from listings.paging import within
from listings.params import clean_text, parse_listing
from policies.validity import ANNOTATION, annotate_validity

PER_PAGE = 20
FACETS_SECONDS = 600  # the key changes on every publish anyway
# Documents without a number go after the numbered ones.
NO_NUMBER_LAST = Case(
    When(doc_number_sort="", then=Value(1)), default=Value(0), output_field=IntegerField()
).asc()
SORTS = {
    "newest": ("最新发布", ("-published_date", "-pk")),
    "oldest": ("最早发布", ("published_date", "pk")),
    "number": ("按发文字号", (NO_NUMBER_LAST, "doc_number_sort", "pk")),
}
DEFAULT_SORT = "newest"
FILTER_LABELS = {
    "authority": "发文机关",
    "year": "年份",
    "topic": "主题分类",
    "validity": "有效性",
    "doc_type": "文种",
    "region": "地区",
}
# How the library words a bad year or sort it has ignored (listings.params.parse_listing).
FALLBACKS = {"year": "已忽略该条件。", "sort": "已按最新发布排序。"}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    key: str
    label: str
    values: list = field(default_factory=list)
    selected: str = ""


@dataclass
class LibraryResult:
    page: object
    paginator: object
    facets: list
    sort: str
    sorts: list
    messages: list
    filters: dict
    total: int

    @property
    def active_filters(self):
        return [(FILTER_LABELS[k], v) for k, v in self.filters.items()]


def _clean_text(value, limit=100):
    return clean_text(value, limit)


def _filter_q(key, value):
    if key == "authority":
        return Q(issuing_authorities__name=value)
    if key == "topic":
        return Q(topics__name=value)
    if key == "region":
        return Q(region__name=value)
    if key == "year":
        return Q(published_date__year=int(value))
    if key == "validity":
        # Today's validity, relations included (policies.validity), not the stored field.
        return Q(**{ANNOTATION: value})
    return Q(**{key: value})


def _parse_filters(params, base, year):
    """Valid filters from the query string, and a Chinese message for each invalid one.

    ``year`` is the year the listing parser read (None when blank or bad)."""
    filters, messages = {}, []
    for key, label in FILTER_LABELS.items():
        raw = str(year or "") if key == "year" else _clean_text(params.get(key))
        if not raw:
            continue
        if not _known(key, raw, base):
            messages.append(f"没有{label}为“{raw}”的政策文件，已忽略该条件。")
            continue
        filters[key] = raw
    return filters, messages


def _known(key, value, base):
    """Whether a filter value names something that exists (one query for the lookups)."""
    from policies.choices import DocType, Validity
    from taxonomy.models import IssuingAuthority, Region, Topic

    lookups = {"authority": IssuingAuthority, "topic": Topic, "region": Region}
    if key in lookups:
        return lookups[key].objects.filter(name=value).exists()
    if key == "year":
        return base.filter(published_date__year=int(value)).exists()
    return value in {"validity": Validity.values, "doc_type": DocType.values}[key]


def _apply(queryset, filters, skip=None):
    """``queryset`` narrowed by every filter but ``skip``; validity is annotated (and rows
    made distinct) only when a filter needs it."""
    active = {k: v for k, v in filters.items() if k != skip}
    if "validity" in active:
        queryset = annotate_validity(queryset)
    for key, value in active.items():
        queryset = queryset.filter(_filter_q(key, value))
    return queryset.distinct() if {"authority", "topic"} & active.keys() else queryset


def _counts(key, queryset):
    queryset = queryset.order_by()  # default page ordering would split the GROUP BY
    if key == "authority":
        rows = queryset.values("issuing_authorities__name").annotate(n=Count("pk", distinct=True))
        return {
            r["issuing_authorities__name"]: r["n"] for r in rows if r["issuing_authorities__name"]
        }
    if key == "topic":
        rows = queryset.values("topics__name").annotate(n=Count("pk", distinct=True))
        return {r["topics__name"]: r["n"] for r in rows if r["topics__name"]}
    if key == "region":
        rows = queryset.values("region__name").annotate(n=Count("pk", distinct=True))
        return {r["region__name"]: r["n"] for r in rows if r["region__name"]}
    if key == "year":
        rows = (
            queryset.exclude(published_date=None)
            .annotate(y=ExtractYear("published_date"))
            .values("y")
            .annotate(n=Count("pk", distinct=True))
        )
        return {str(r["y"]): r["n"] for r in rows}
    if key == "validity":
        rows = annotate_validity(queryset).values(ANNOTATION).annotate(n=Count("pk", distinct=True))
        return {r[ANNOTATION]: r["n"] for r in rows if r[ANNOTATION]}
    rows = queryset.values(key).annotate(n=Count("pk", distinct=True))
    return {r[key]: r["n"] for r in rows if r[key]}


def _url(params, **changes):
    merged = {k: v for k, v in params.items() if v and k != "page"}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged) if merged else "?"


def _facets(base, filters, sort):
    params = dict(filters)
    if sort != DEFAULT_SORT:
        params["sort"] = sort
    facets = []
    everything = _apply(base, filters).values("pk")
    for key, label in FILTER_LABELS.items():
        # Counts for a facet honour every other active filter.
        pks = _apply(base, filters, skip=key).values("pk") if key in filters else everything
        counts = _counts(key, base.model.objects.filter(pk__in=pks))
        if key == "year":
            ordered = sorted(counts, reverse=True)
        else:
            ordered = sorted(counts, key=lambda v: (-counts[v], v))
        facet = Facet(key=key, label=label, selected=filters.get(key, ""))
        for value in ordered:
            selected = filters.get(key) == value
            facet.values.append(
                FacetValue(
                    value=value,
                    label=value,
                    count=counts[value],
                    selected=selected,
                    url=_url(params, **{key: None if selected else value}),
                )
            )
        facets.append(facet)
    return facets


def _cached_facets(base, filters, sort, cache_key, count):
    """(facets, number of results), kept under ``cache_key`` + the filters (None: computed
    afresh); ``count()`` counts the results."""
    if cache_key is None:
        return _facets(base, filters, sort), count()
    key = f"{cache_key}:{sort}:" + urlencode(sorted(filters.items()))
    key = "policy-library-facets:" + hashlib.sha256(key.encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = (_facets(base, filters, sort), count())
        cache.set(key, found, FACETS_SECONDS)
    return found


QUERY_KEYS = (*FILTER_LABELS, "sort", "page")


def query_key(params):
    """The query string as far as the library reads it (its keys in order): the listing is a
    function of this, the policies and today, so a cached fragment may key on it."""
    return urlencode([(k, params.get(k)) for k in QUERY_KEYS if params.get(k)])


def active_filters(base, params):
    """The valid filters alone (the feed links in the head), without the listing."""
    query = parse_listing(params, sorts=SORTS, default_sort=DEFAULT_SORT, fallbacks=FALLBACKS)
    return _parse_filters(params, base, query.year)[0]


def run_library_query(base, params, cache_key=None):
    """Apply the query string ``params`` to the live policies ``base``; never raises on input.

    With ``cache_key`` (one that changes whenever a policy is published or unpublished, such
    as listings.fragments.request_stamp), the facets and their counts are kept in the cache."""
    query = parse_listing(params, sorts=SORTS, default_sort=DEFAULT_SORT, fallbacks=FALLBACKS)
    filters, messages = _parse_filters(params, base, query.year)
    messages += query.notes
    sort = query.sort
    results = _apply(base, filters)
    if "validity" not in filters:  # list items show today's validity from the annotation
        results = annotate_validity(results)
    results = (
        results.order_by(*SORTS[sort][1])
        .defer_streamfields()  # the list shows no body, nor the pasted text
        .defer("paste_text")
        .prefetch_related("issuing_authorities")
        .select_related("region")
    )
    paginator = Paginator(results, PER_PAGE)
    facets, paginator.count = _cached_facets(
        base, filters, sort, cache_key, lambda: paginator.count
    )
    number, notes = within(query.page, paginator.num_pages)
    messages += notes
    page = paginator.page(number)
    sort_params = dict(filters)
    sorts = [
        (key, label, key == sort, _url(sort_params, sort=key)) for key, (label, _) in SORTS.items()
    ]
    page_params = dict(filters, sort=sort) if sort != DEFAULT_SORT else dict(filters)
    page.prev_url = _url(page_params, page=str(number - 1)) if page.has_previous() else ""
    page.next_url = _url(page_params, page=str(number + 1)) if page.has_next() else ""
    return LibraryResult(
        page=page,
        paginator=paginator,
        facets=facets,
        sort=sort,
        sorts=sorts,
        messages=messages,
        filters=filters,
        total=paginator.count,
    )
