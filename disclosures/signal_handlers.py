"""Every publication of a disclosure, by whatever route, appends to its hash chain."""

from wagtail.signals import page_published


def record_published_version(sender, instance, revision=None, **kwargs):
    from .models import DisclosurePage, record_version

    page = DisclosurePage.objects.get(pk=instance.pk)
    if page.live:
        record_version(page)


def register_signal_handlers():
    from .models import DisclosurePage

    page_published.connect(
        record_published_version,
        sender=DisclosurePage,
        dispatch_uid="disclosures_record_published_version",
    )
