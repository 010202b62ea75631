"""Every publication of a disclosure, by whatever route, appends to its hash chain."""

from django.db.models.signals import post_save, pre_save
from wagtail.signals import page_published

from .guards import refuse_going_offline, refuse_view_restriction


def record_published_version(sender, instance, revision=None, **kwargs):
    from .models import DisclosurePage, record_version

    page = DisclosurePage.objects.get(pk=instance.pk)
    if page.live:
        record_version(page)


def village_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new or renamed village gets (or renames) its groups and workflow."""
    from .accountability import ensure_accountability, needs_setup

    if raw:
        return
    if created or needs_setup(instance):
        ensure_accountability(instance)


def register_signal_handlers():
    from .models import DisclosurePage, VillagePage

    post_save.connect(
        village_saved, sender=VillagePage, dispatch_uid="disclosures_village_accountability"
    )

    page_published.connect(
        record_published_version,
        sender=DisclosurePage,
        dispatch_uid="disclosures_record_published_version",
    )
    from wagtail.models import PageViewRestriction

    pre_save.connect(
        refuse_view_restriction,
        sender=PageViewRestriction,
        dispatch_uid="disclosures_refuse_view_restriction",
    )
    pre_save.connect(refuse_going_offline, dispatch_uid="disclosures_refuse_going_offline")
    from wagtail.documents import get_document_model
    from wagtail.models import CollectionViewRestriction

    from .documents import guard_document_save
    from .originals import refuse_collection_restriction

    pre_save.connect(
        refuse_collection_restriction,
        sender=CollectionViewRestriction,
        dispatch_uid="disclosures_refuse_collection_restriction",
    )
    pre_save.connect(
        guard_document_save,
        sender=get_document_model(),
        dispatch_uid="disclosures_guard_document_save",
    )
