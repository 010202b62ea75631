"""Each publish of a 公示 writes one public version record (dates and correction note)."""

from django.db.models import Max
from wagtail.signals import page_published


def record_version(sender, instance, **kwargs):
    from .models import NoticeCorrection

    page = instance
    last = page.corrections.aggregate(n=Max("number"))["n"] or 0
    previous = page.corrections.filter(number=last).first()
    note = page.correction_note.strip() if last else "首次发布"
    if previous and (note == previous.note or not note) and previous.window_end == page.window_end:
        return  # a publish that changed nothing the public record shows (e.g. the result)
    NoticeCorrection.objects.create(
        notice=page,
        number=last + 1,
        window_start=page.window_start,
        window_end=page.window_end,
        note=note or "更正",
    )


def connect():
    from .models import NoticePage

    page_published.connect(record_version, sender=NoticePage, dispatch_uid="notices-version")
