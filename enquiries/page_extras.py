"""Villagers' questions on disclosure, village and township pages.

The disclosures app's templates name page-extras slots (``{% page_extras "disclosure_end"
page=page %}``…); ``wagtail_hooks`` registers these sections for them.
"""

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Enquiry

SHOWN = 10
ANSWERS = "enquiries/includes/public_answers.html"
COUNTS = "enquiries/includes/question_counts.html"


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


def _disclosure_questions(page):
    """Answered questions on this disclosure, the counts, and the link to ask."""
    if not getattr(page, "pk", None):
        return {"items": [], "counts": {"open": 0, "overdue": 0, "public": 0}}
    ask = reverse("enquiries:ask_question", args=[page.pk])  # a withdrawal can be questioned too
    return _section(f"d{page.pk}", Enquiry.objects.filter(disclosure_id=page.pk), ask)


def _village_questions(page):
    """Answered questions on any of this village's disclosures, and its open/overdue counts."""
    if not getattr(page, "pk", None):
        return {"items": [], "counts": {"open": 0, "overdue": 0, "public": 0}}
    return _section(f"v{page.pk}", Enquiry.objects.filter(village_id=page.pk))


def _township_question_counts(page):
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


def disclosure_questions(page):
    return render_to_string(ANSWERS, _disclosure_questions(page))


def village_questions(page):
    return render_to_string(ANSWERS, _village_questions(page))


def township_question_counts(page):
    return render_to_string(COUNTS, _township_question_counts(page))


SLOTS = {
    "disclosure_end": disclosure_questions,
    "village_end": village_questions,
    "township_end": township_question_counts,
}
