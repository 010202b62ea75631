"""Background tasks (django-tasks): text extraction runs here, never in an upload request."""

import logging

from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from . import linked
from .extract import extract
from .models import AttachmentText
from .signals import attachments_changed

logger = logging.getLogger(__name__)


@task()
def extract_document(document_id, force=False):
    """Read one document's text; then the live pages linking it are indexed again."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return ""
    before = AttachmentText.objects.filter(document=document).values_list("file_hash", "status")
    before = before.first()
    row = extract(document, force=force)
    if before != (row.file_hash, row.status) or force:
        pages = [p.specific for p in linked.pages_linking(document)]
        if pages:
            attachments_changed.send(sender=AttachmentText, pages=pages)
    return row.status


@task()
def refresh_page(page_id):
    """After a page is published: its links are indexed, unread attachments are read, and the
    page is indexed again with their text."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    ReferenceIndex.create_or_update_for_object(page)
    ids = linked.document_ids_by_page([page.pk]).get(page.pk, [])
    read = AttachmentText.objects.filter(document_id__in=ids).exclude(status="pending")
    read_ids = set(read.values_list("document_id", flat=True))
    for document in get_document_model().objects.filter(pk__in=set(ids) - read_ids):
        extract(document)
    if ids and page.live:
        attachments_changed.send(sender=AttachmentText, pages=[page])
    return len(ids)


def enqueue_extraction(document_id):
    _enqueue(extract_document, document_id)


def enqueue_refresh(page_id):
    _enqueue(refresh_page, page_id)


def _enqueue(fn, pk):
    try:
        fn.enqueue(pk)
    except Exception:  # a queue outage must never block an upload or a publication
        logger.exception("attachments: could not enqueue %s for %s", fn.name, pk)
