"""The content types a collection can gather, and where each keeps the facts criteria test.

A criterion names a fact (topic, issuing authority, region, tag, package); each source says
through which lookup its pages carry that fact, or ``None`` when they do not carry it. Pages of
a source without the fact cannot match a criterion on it, except validity: only legal documents
have one, so it restricts policies and interpretations and leaves other types alone.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.db.models.functions import Coalesce


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    model_label: str
    date_fields: tuple
    topics: str | None = None
    authorities: str | None = None
    region: str | None = None
    validity: str | None = None  # the policy whose validity counts ("pk": the page itself)
    tags: str | None = None
    package: str | None = None

    @property
    def model(self):
        return apps.get_model(self.model_label)

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


SOURCES = (
    Source(
        "policy",
        "政策文件",
        "policies.PolicyPage",
        ("published_date", "written_date"),
        topics="topics",
        authorities="issuing_authorities",
        region="region__name",
        validity="pk",
        package="package_memberships__package_id",
    ),
    Source(
        "interpretation",
        "政策解读",
        "policies.PolicyInterpretationPage",
        ("date",),
        topics="interprets__topics",
        authorities="interprets__issuing_authorities",
        region="interprets__region__name",
        validity="interprets",
        package="interprets__package_memberships__package_id",
    ),
    Source(
        "news",
        "新闻",
        "news.NewsArticlePage",
        ("date",),
        region="region__name",
        tags="tags__name",
    ),
    Source(
        "case_study",
        "典型案例",
        "news.CaseStudyPage",
        ("date",),
        topics="themes",
        region="region__name",
        tags="tags__name",
    ),
    Source("photo_feature", "图片报道", "media.PhotoFeaturePage", ("date",), tags="tags__name"),
    Source("disclosure", "四务公开", "disclosures.DisclosurePage", ("matter_date", "period_end")),
)
BY_KEY = {source.key: source for source in SOURCES}
CHOICES = [(source.key, source.label) for source in SOURCES]

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
    return next((s for s in SOURCES if s.model_label == label), None)


def sources_for(keys):
    """The sources of these keys, in registry order; every source when ``keys`` is empty."""
    if not keys:
        return list(SOURCES)
    return [source for source in SOURCES if source.key in keys]


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
