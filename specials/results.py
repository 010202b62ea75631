"""One page of a collection for a reader: type and year facets from the query string, paging,
the date of the newest item, and (in the editor's preview) why a collection is empty."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear

from listings.paging import within
from listings.params import clean_text, parse_listing, shown

from .query import (
    STEPS,
    Combined,
    SearchUnavailable,
    criteria_of,
    hidden_pins,
    matching,
    newest_item_date,
    ordered,
    pins_of,
)
from .sources import FACT_LABELS

SEARCH_UNAVAILABLE = "检索服务暂时不可用，本专题按检索词收录的内容暂时无法显示，请稍后再试。"
STEP_LABELS = {
    "types": "内容类型",
    **FACT_LABELS,
    "validity": "有效性",
    "dates": "日期范围",
    "search": "检索词",
}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class CollectionResult:
    page: object
    paginator: object
    total: int
    newest: object
    facets: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    explanation: list = field(default_factory=list)
    missing: dict = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    hidden_pins: list = field(default_factory=list)


def _url(params, **changes):
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else "?"


def _reader_filters(params, crit, query):
    """The reader's own type and year choices; a bad value is ignored with a note."""
    filters = {}
    kind = clean_text(params.get("type"), 30)
    if kind:
        if any(s.key == kind for s in crit.sources):
            filters["type"] = kind
        else:
            query.notes.append(f"本专题没有“{shown(kind)}”这一内容类型，已显示全部类型。")
    if query.year:
        filters["year"] = str(query.year)
    return filters


def _page_number(query, num_pages):
    number, notes = within(query.page, num_pages)
    query.notes += notes
    return number


def _facets(pages, pins, crit, filters):
    sources = {s.key: s for s in crit.sources}
    by_type = {}
    rows = pages.order_by().values("content_type").annotate(n=Count("pk"))
    type_counts = {row["content_type"]: row["n"] for row in rows}
    for source in crit.sources:
        ct = ContentType.objects.get_for_model(source.model)
        count = type_counts.get(ct.pk, 0) + sum(1 for i in pins if i.source is source)
        if count:
            by_type[source.key] = count
    years = {}
    rows = (
        pages.exclude(item_date=None)
        .annotate(y=ExtractYear("item_date"))
        .order_by()
        .values("y")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        years[str(row["y"])] = row["n"]
    for item in pins:
        if item.date:
            years[str(item.date.year)] = years.get(str(item.date.year), 0) + 1
    facets = []
    if len(by_type) > 1 or "type" in filters:
        facets.append(_facet("type", "内容类型", by_type, filters, lambda k: sources[k].label))
    if len(years) > 1 or "year" in filters:
        ordered_years = dict(sorted(years.items(), reverse=True))
        facets.append(_facet("year", "年份", ordered_years, filters, lambda y: f"{y}年"))
    return facets


def _facet(key, label, counts, filters, label_of):
    values = []
    for value, count in counts.items():
        selected = filters.get(key) == value
        values.append(
            FacetValue(
                value=value,
                label=label_of(value),
                count=count,
                selected=selected,
                url=_url(filters, **{key: None if selected else value}),
            )
        )
    return {"key": key, "label": label, "values": values}


def _apply_reader_filters(pages, pins, filters, crit):
    if "type" in filters:
        source = next(s for s in crit.sources if s.key == filters["type"])
        pages = pages.filter(content_type__model=source.accessor)
        pins = [i for i in pins if i.source is source]
    if "year" in filters:
        pages = pages.filter(item_date__year=int(filters["year"]))
        pins = [i for i in pins if i.date and i.date.year == int(filters["year"])]
    return pages, pins


def explain_steps(collection, crit):
    """How many live items remain after each criterion, in order, for the editor's preview;
    the step where the count first drops to nothing is marked."""
    steps, applied = [], []
    for step in STEPS:
        if not _is_set(step, crit):
            continue
        applied.append(step)
        try:
            count = matching(collection, crit, steps=tuple(applied)).count()
        except SearchUnavailable:
            steps.append({"label": STEP_LABELS[step], "count": None, "culprit": False})
            break
        culprit = count == 0 and all(s["count"] for s in steps)
        steps.append({"label": STEP_LABELS[step], "count": count, "culprit": culprit})
    return steps


def _is_set(step, crit):
    if step == "types":
        return True
    if step == "validity":
        return bool(crit.validity)
    if step == "dates":
        return bool(crit.date_from or crit.date_to)
    if step == "search":
        return bool(crit.search_query)
    return step in crit.facts


def run_collection(collection, params, explain=False):
    """The reader's page of the collection; never raises on what the query string holds."""
    crit = criteria_of(collection)
    query = parse_listing(params)
    messages = query.notes
    filters = _reader_filters(params, crit, query)
    pins = pins_of(collection)
    try:
        pages = matching(collection, crit)
        pages.exists()
    except SearchUnavailable:
        messages.append(SEARCH_UNAVAILABLE)
        pages = matching(collection, crit, steps=()).none()
    pages = pages.exclude(pk__in=[i.page.pk for i in pins])
    facets = _facets(pages, pins, crit, filters)
    shown_pages, shown_pins = _apply_reader_filters(pages, pins, filters, crit)
    paginator = Paginator(Combined(shown_pins, ordered(shown_pages, crit)), collection.page_size)
    number = _page_number(query, paginator.num_pages)
    page = paginator.page(number)
    page.prev_url = _url(filters, page=str(number - 1)) if page.has_previous() else ""
    page.next_url = _url(filters, page=str(number + 1)) if page.has_next() else ""
    result = CollectionResult(
        page=page,
        paginator=paginator,
        total=paginator.count,
        newest=newest_item_date(collection),
        facets=facets,
        messages=messages,
        missing=crit.missing,
        filters=filters,
    )
    if explain:
        result.explanation = explain_steps(collection, crit)
        result.hidden_pins = hidden_pins(collection)
    return result
