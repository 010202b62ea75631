"""The content types a collection can gather, and where each keeps the facts criteria test.

A criterion names a fact (topic, issuing authority, region, tag, package); each source says
through which lookup its pages carry that fact, or ``None`` when they do not carry it. Pages of
a source without the fact cannot match a criterion on it, except validity: only legal documents
have one, so it restricts policies and interpretations and leaves other types alone.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce
from wagtail import hooks

# Each app whose pages a collection may gather registers them with this Wagtail hook: a function
# without arguments returning a list of ``Source`` keyword dicts (``key``, ``label``, ``model``,
# ``date_fields``, ``order``, and the lookups of the facts its pages carry). The specials app
# names none of the apps whose pages it gathers.
HOOK = "register_collection_sources"


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    model: type
    date_fields: tuple
    order: int = 100  # the place among the sources (choices, explanations)
    topics: str | None = None
    authorities: str | None = None
    region: str | None = None
    validity: str | None = None  # the policy whose validity counts ("pk": the page itself)
    tags: str | None = None
    package: str | None = None
    listing_relations: tuple = ()  # what a listing line reads, fetched for all items at once

    @property
    def model_label(self):
        return self.model._meta.label

    @property
    def accessor(self):
        """The reverse one-to-one name from ``wagtailcore.Page`` to this page type."""
        return self.model._meta.model_name

    def date_expression(self):
        """The item's date as an expression on ``Page``: the first of ``date_fields`` set."""
        fields = [f"{self.accessor}__{name}" for name in self.date_fields]
        return fields[0] if len(fields) == 1 else Coalesce(*fields)

    def carries(self, fact):
        return getattr(self, fact) is not None


def all_sources():
    """Every registered source, in their order."""
    found = [Source(**spec) for hook in hooks.get_hooks(HOOK) for spec in hook()]
    return sorted(found, key=lambda source: source.order)


def by_key():
    return {source.key: source for source in all_sources()}


def choices():
    """(key, label) of every source, for the editor's 内容类型 checkboxes."""
    return [(source.key, source.label) for source in all_sources()]


# The facts a criterion tests, with their labels, in the order the explanation walks them.
FACT_LABELS = {
    "topics": "主题分类",
    "authorities": "发文机关",
    "region": "地区",
    "tags": "标签",
    "package": "政策体系",
}


def source_for(page):
    """The source a (specific) page belongs to, or None."""
    label = page._meta.label
    return next((s for s in all_sources() if s.model_label == label), None)


def sources_for(keys):
    """The sources of these keys, in registry order; every source when ``keys`` is empty."""
    if not keys:
        return all_sources()
    return [source for source in all_sources() if source.key in keys]


def fact_q(source, fact, values):
    """Pages of ``source`` having any of ``values`` for ``fact``; regions match by name prefix
    so a province also gathers the places below it."""
    lookup = getattr(source, fact)
    if fact == "region":
        q = Q(pk__in=[])
        for name in values:
            q |= Q(**{f"{lookup}__startswith": name})
        return q
    if fact == "tags":
        q = Q(pk__in=[])
        for name in values:
            q |= Q(**{f"{lookup}__iexact": name})
        return q
    return Q(**{f"{lookup}__in": list(values)})
