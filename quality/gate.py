"""The gate against the database: the lists as kept by site managers, a page's overrides."""

from django.core.cache import cache

from .attached import page_attachment_fields
from .checks import Lists, check
from .models import Confusion, Correction, Override, ProhibitedWord
from .text import page_text

CACHE_KEY = "quality:lists"
LIST_MODELS = (Correction, ProhibitedWord, Confusion)


def current_lists():
    """The lists, cached until a site manager changes an entry (``forget_lists``)."""
    lists = cache.get(CACHE_KEY)
    if lists is None:
        lists = Lists(
            corrections=tuple(Correction.objects.values_list("wrong", "right")),
            prohibited=tuple(ProhibitedWord.objects.values_list("word", "advice")),
            confusions=tuple(Confusion.objects.values_list("wrong", "right")),
        )
        cache.set(CACHE_KEY, lists, 3600)
    return lists


def forget_lists(**kwargs):
    cache.delete(CACHE_KEY)


def overridden_keys(page_id):
    if not page_id:
        return set()
    return set(Override.objects.filter(page_id=page_id).values_list("key", flat=True))


def check_fields(fields, page_id=None, lists=None, skipped=None):
    """{field name: [Finding]} for {field name: text}, overridden blocking findings left out
    (``skipped``: the page's overridden keys, when the caller has read them already)."""
    lists = lists or current_lists()
    skipped = overridden_keys(page_id) if skipped is None else skipped
    found = {}
    for name, text in fields.items():
        findings = [f for f in check(text, lists) if not (f.blocking and f.key in skipped)]
        if findings:
            found[name] = findings
    return found


def all_overrides():
    """{page id: overridden keys} of every page."""
    found = {}
    for page_id, key in Override.objects.values_list("page_id", "key"):
        found.setdefault(page_id, set()).add(key)
    return found


def page_findings(page, lists=None, skipped=None):
    """The findings of a page's text as it stands (all fields together), overrides applied."""
    fields = {**page_text(page), **page_attachment_fields(page)}
    by_field = check_fields(fields, page.pk, lists, skipped)
    seen, findings = set(), []
    for items in by_field.values():
        for finding in items:
            if finding.key not in seen:
                seen.add(finding.key)
                findings.append(finding)
    return sorted(findings, key=lambda f: not f.blocking)


def record_overrides(page, findings, user, reason):
    for finding in findings:
        Override.objects.get_or_create(
            page=page,
            key=finding.key,
            defaults={"message": finding.message[:500], "reason": reason, "user": user},
        )
