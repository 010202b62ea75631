"""Which documents a page links (Wagtail's reference index: inline attachments, document links
in rich text and StreamField blocks), and their text for search.

Only documents readers may open are given out: a document in a collection with a view
restriction (or below one) never lends its text to the public index.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

from .models import AttachmentText

# Characters of attachment text indexed with one page (PostgreSQL's tsvector holds at most
# 1 MB); the whole text (up to 10 MB) is kept and shown in snippets.
INDEXED_CHARS = 100_000


@dataclass(frozen=True)
class Attachment:
    document_id: int
    title: str
    url: str
    text: str


def _content_type(model):
    return ContentType.objects.get_for_model(model)


def document_ids_by_page(page_ids):
    """{page id: [document ids in link order]} from the reference index."""
    rows = ReferenceIndex.objects.filter(
        base_content_type=_content_type(Page),
        object_id__in=[str(pk) for pk in page_ids],
        to_content_type=_content_type(get_document_model()),
    ).order_by("id")
    found = {}
    for object_id, to_id in rows.values_list("object_id", "to_object_id"):
        ids = found.setdefault(int(object_id), [])
        if to_id.isdigit() and int(to_id) not in ids:
            ids.append(int(to_id))
    return found


def restricted_paths():
    return set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


def is_public(document, restricted):
    path = document.collection.path
    return not any(path.startswith(p) for p in restricted)


def attachments_by_page(page_ids):
    """{page id: [Attachment]} of the readable, public documents each page links."""
    linked = document_ids_by_page(page_ids)
    wanted = {pk for ids in linked.values() for pk in ids}
    if not wanted:
        return {}
    rows = AttachmentText.objects.filter(document_id__in=wanted, status__in=["done", "partial"])
    rows = rows.exclude(text="").select_related("document__collection")
    restricted = restricted_paths()
    by_document = {
        row.document_id: Attachment(row.document_id, row.document.title, row.document.url, row.text)
        for row in rows
        if is_public(row.document, restricted)
    }
    return {
        page_id: [by_document[pk] for pk in ids if pk in by_document]
        for page_id, ids in linked.items()
        if any(pk in by_document for pk in ids)
    }


def text_by_page(page_ids):
    """{page id: the joined text of its attachments} (for the index writers)."""
    return {
        page_id: "\n\n".join(f"{a.title}\n{a.text}" for a in found)[:INDEXED_CHARS]
        for page_id, found in attachments_by_page(page_ids).items()
    }


def pages_linking(document):
    """Live pages that link the document (their index entry holds its text)."""
    rows = ReferenceIndex.get_references_to(document).filter(base_content_type=_content_type(Page))
    ids = {int(pk) for pk in rows.values_list("object_id", flat=True) if pk.isdigit()}
    return Page.objects.live().filter(pk__in=ids)
