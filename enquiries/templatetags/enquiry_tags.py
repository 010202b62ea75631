"""Tags that disclosure, village and township templates call to show villagers' questions."""

from django import template
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from ..models import Enquiry

register = template.Library()
SHOWN = 10


def _counts(queryset):
    today = timezone.localdate()
    return queryset.aggregate(
        open=Count("pk", filter=~Q(status__in=["answered", "closed"])),
        overdue=Count("pk", filter=~Q(status__in=["answered", "closed"]) & Q(due_on__lt=today)),
    )


def _section(scope_id, queryset, ask_url=""):
    counts = _counts(queryset)
    public = Enquiry.objects.public().filter(pk__in=queryset.values("pk"))
    counts["public"] = public.count()
    return {
        "scope_id": scope_id,
        "counts": counts,
        "items": public.order_by("-replied_on", "-pk")[:SHOWN],
        "ask_url": ask_url,
    }


@register.inclusion_tag("enquiries/includes/public_answers.html")
def disclosure_questions(page):
    """Answered questions on this disclosure, the counts, and the link to ask."""
    if not getattr(page, "pk", None):
        return {"items": [], "counts": {"open": 0, "overdue": 0, "public": 0}}
    ask = reverse("enquiries:ask_question", args=[page.pk])  # a withdrawal can be questioned too
    return _section(f"d{page.pk}", Enquiry.objects.filter(disclosure_id=page.pk), ask)


@register.inclusion_tag("enquiries/includes/public_answers.html")
def village_questions(page):
    """Answered questions on any of this village's disclosures, and its open/overdue counts."""
    if not getattr(page, "pk", None):
        return {"items": [], "counts": {"open": 0, "overdue": 0, "public": 0}}
    return _section(f"v{page.pk}", Enquiry.objects.filter(village_id=page.pk))


@register.inclusion_tag("enquiries/includes/question_counts.html")
def township_question_counts(page):
    """Per village of a township: questions waiting for an answer and those overdue."""
    if not getattr(page, "pk", None):
        return {"rows": []}
    today = timezone.localdate()
    waiting = ~Q(enquiries__status__in=["answered", "closed"])
    villages = page.villages().annotate(
        open=Count("enquiries", filter=waiting),
        overdue=Count("enquiries", filter=waiting & Q(enquiries__due_on__lt=today)),
    )
    return {"rows": villages}
