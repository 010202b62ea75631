"""A policy document's validity on a given day, from its own field and the relations on it.

A live document that amends or repeals another takes effect on the relation's date; a blank
date means the new document's 实施日期, or else its 发布日期, or else its publication. Before
that day the old document is still in force. The same rule is written twice: once in Python
for one page (``validity_on``) and once as a database annotation for lists, filters and counts
(``annotate_validity``), and the tests hold the two together.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .choices import RelationType, Validity

ANNOTATION = "validity_in_force"
VERBS = {RelationType.REPEALS: "废止", RelationType.AMENDS: "修订"}


def relation_starts(relation):
    """The day a relation takes effect, or None when nothing dates it (then: in force)."""
    new = relation.page
    if relation.date:
        return relation.date
    if new.effective_date or new.published_date:
        return new.effective_date or new.published_date
    if new.first_published_at:
        return timezone.localtime(new.first_published_at).date()
    return None


def relation_in_force(relation, day):
    starts = relation_starts(relation)
    return starts is None or starts <= day


@dataclass
class Change:
    """One amendment or repeal of a document, as shown to readers."""

    verb: str
    title: str
    page: object
    date: datetime.date | None
    pending: bool

    @property
    def text(self):
        when = f"{self.date:%Y年%-m月%-d日}" if self.date else ""
        if self.pending:
            return f"本文件将于{when}{self.verb}，见《{self.title}》。"
        return f"本文件已{'于' + when if when else ''}被《{self.title}》{self.verb}"


def changes(relations, day):
    """(in force, pending) Change lists, oldest first, from live incoming relations."""
    current, pending = [], []
    for relation in sorted(relations, key=lambda r: relation_starts(r) or datetime.date.min):
        starts = relation_starts(relation)
        future = starts is not None and starts > day
        change = Change(
            verb=VERBS.get(relation.relation_type, relation.get_relation_type_display()),
            title=relation.page.title,
            page=relation.page,
            date=starts,
            pending=future,
        )
        (pending if future else current).append(change)
    return current, pending


def validity_on(field_value, expiry_date, relations, day):
    """The validity on ``day`` of a document with this own field, expiry and incoming relations.

    Repeal beats expiry, which beats amendment: a repealed document stays 已废止."""
    in_force = {r.relation_type for r in relations if relation_in_force(r, day)}
    if field_value == Validity.REPEALED or RelationType.REPEALS in in_force:
        return Validity.REPEALED
    if field_value == Validity.EXPIRED or (expiry_date and expiry_date < day):
        return Validity.EXPIRED
    if field_value == Validity.AMENDED or RelationType.AMENDS in in_force:
        return Validity.AMENDED
    return Validity.VALID


def _in_force(relation_type, day):
    from django.apps import apps

    # By the app registry: the policy model computes its validity with these rules.
    PolicyRelation = apps.get_model("policies", "PolicyRelation")  # noqa: N806
    relations = (
        PolicyRelation.objects.filter(
            target=OuterRef("pk"), relation_type=relation_type, page__live=True
        )
        .annotate(
            starts=Coalesce("date", "page__effective_date", "page__published_date"),
        )
        .filter(
            Q(starts__lte=day)
            | Q(starts=None, page__first_published_at=None)
            | Q(starts=None, page__first_published_at__date__lte=day)
        )
    )
    return Exists(relations)


def validity_expression(day=None):
    """The ``validity_on`` rule as a database expression for PolicyPage querysets."""
    day = day or timezone.localdate()
    return Case(
        When(
            Q(validity=Validity.REPEALED) | _in_force(RelationType.REPEALS, day),
            then=Value(Validity.REPEALED.value),
        ),
        When(
            Q(validity=Validity.EXPIRED) | Q(expiry_date__lt=day),
            then=Value(Validity.EXPIRED.value),
        ),
        When(
            Q(validity=Validity.AMENDED) | _in_force(RelationType.AMENDS, day),
            then=Value(Validity.AMENDED.value),
        ),
        default=Value(Validity.VALID.value),
    )


def annotate_validity(queryset, day=None):
    """``queryset`` with each page's validity on ``day`` (default today) as ``validity_in_force``.

    Pages read from it answer ``current_validity`` without further queries."""
    return queryset.annotate(**{ANNOTATION: validity_expression(day)})
