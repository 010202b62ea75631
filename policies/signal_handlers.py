"""Record a public version each time a policy's text is published."""

from django.utils import timezone
from wagtail.signals import page_published

from policies.structure import units


def record_policy_version(sender, instance, revision=None, **kwargs):
    from policies.models import PolicyPage, PolicyVersion

    page = instance.specific if not isinstance(instance, PolicyPage) else instance
    last = page.versions.order_by("number").last()
    if not page.text_changed_since(last):
        return None
    if last is None:
        published_at = page.first_published_at or timezone.now()
        note = page.change_note.strip() or "首次发布"
    else:
        published_at = page.last_published_at or timezone.now()
        note = page.change_note.strip()
    return PolicyVersion.objects.create(
        page=page,
        number=(last.number + 1) if last else 1,
        revision=revision,
        published_at=published_at,
        change_note=note,
        title=page.title,
        doc_number=page.doc_number,
        units=units(page.body),
    )


def connect():
    from policies.models import PolicyPage

    page_published.connect(
        record_policy_version, sender=PolicyPage, dispatch_uid="policies_record_version"
    )
