"""The attachments a page form or a page links, as text the gate reads like the page's own.

A document's text comes from ``attachments`` (read when it was uploaded); a document not read
yet, or unreadable, adds nothing here (网站自查 lists unreadable ones). Each attachment is one
"field" named 附件《标题》, its text cut at ``CHECKED_CHARS`` so a save stays quick.
"""

from django.core.exceptions import FieldDoesNotExist
from wagtail.documents import get_document_model

from attachments.linked import document_ids_by_page
from attachments.models import AttachmentText, Status

CHECKED_CHARS = 200_000


def _model_field(model, name):
    """The model field behind a form field, or None for form-only fields."""
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _document_ids(model, cleaned):
    """Ids of the documents named in one form's cleaned data of ``model``."""
    document_model = get_document_model()
    found = []
    for name, value in cleaned.items():
        if isinstance(value, document_model):
            found.append(value.pk)
            continue
        field = _model_field(model, name)
        extract = getattr(field, "extract_references", None)
        if extract is None or value is None:
            continue
        for ref_model, object_id, _path, _content in extract(value):
            if issubclass(ref_model, document_model) and str(object_id).isdigit():
                found.append(int(object_id))
    return found


def form_document_ids(form):
    """Documents named by a page form and its inline formsets (attachments panels)."""
    ids = _document_ids(form._meta.model, getattr(form, "cleaned_data", {}) or {})
    for formset in getattr(form, "formsets", {}).values():
        for inline in formset.forms:
            data = getattr(inline, "cleaned_data", None) or {}
            if data and not data.get("DELETE"):
                ids += _document_ids(inline._meta.model, data)
    return list(dict.fromkeys(ids))


def attachment_fields(document_ids):
    """{附件《标题》: text} of the readable documents among ``document_ids``."""
    rows = AttachmentText.objects.filter(
        document_id__in=document_ids, status__in=[Status.DONE, Status.PARTIAL]
    ).select_related("document")
    return {f"附件《{row.document.title}》": row.text[:CHECKED_CHARS] for row in rows if row.text}


def page_attachment_fields(page):
    """The same for a saved page (the documents its stored version links)."""
    if not page.pk:
        return {}
    return attachment_fields(document_ids_by_page([page.pk]).get(page.pk, []))
