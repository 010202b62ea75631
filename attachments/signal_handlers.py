"""Extraction is enqueued when a document is saved with a new file and when a page is
published (its attachments read if they were not, and the page indexed with their text)."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from . import tasks


def on_document_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields and set(update_fields) <= {"file_hash", "file_size"}):
        return
    tasks.enqueue_extraction(instance.pk)


def on_page_published(sender, instance, **kwargs):
    tasks.enqueue_refresh(instance.pk)


def connect():
    post_save.connect(
        on_document_saved, sender=get_document_model(), dispatch_uid="attachments_document"
    )
    page_published.connect(on_page_published, dispatch_uid="attachments_page_published")
