"""What search needs to know about any page, read generically from its specific class.

Nothing here names another app's models. A page type takes part through:

- ``search_fields`` (Wagtail): the text that is indexed and shown in snippets;
- ``date`` (field or property): shown, sorted on and used for the year facet
  (falls back to ``first_published_at``);
- ``issuing_authorities`` (many-to-many) and ``validity`` (field with choices): facets;
- ``doc_number``: a query that is exactly a document number jumps to the page;
- optional ``search_sections()`` -> ``[(anchor, heading, text), ...]``, or ``articles()`` ->
  ``[{"anchor", "label", "text"}, ...]`` (policies), so that a hit inside a policy article links
  to ``url#anchor`` (e.g. ``#article-12``) with a snippet from that article;
- optional ``search_type`` (short key for ``?type=``), otherwise the model name;
- optional ``search_status`` (text, e.g. a 公示's "公示中，还剩 5 天"): shown beside the hit.

The documents a page links (policy attachments, document links in rich text) come with it from
``attachments.linked``: their text is indexed with the page and a snippet may come from one.
"""

import datetime
import logging

from modelsearch.index import RelatedFields, SearchField

from attachments.linked import INDEXED_CHARS, attachments_by_page

from .backends.indexing import _as_text

logger = logging.getLogger(__name__)


def type_key(model):
    return getattr(model, "search_type", None) or model._meta.model_name


def type_label(model):
    return str(model._meta.verbose_name)


def page_date(page):
    value = getattr(page, "date", None)
    if callable(value):
        value = value()
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if page.first_published_at:
        return page.first_published_at.date()
    return None


def status(page):
    """Today's state of the page in a few words (``search_status``), or ""."""
    try:
        return str(getattr(page, "search_status", "") or "")
    except Exception:  # a broken property must not break search
        logger.exception("search status of page %s failed", page.pk)
        return ""


def authorities(page):
    manager = getattr(page, "issuing_authorities", None)
    if manager is None or not hasattr(manager, "all"):
        return []
    return [str(getattr(a, "name", a)) for a in manager.all()]


def validity(page):
    """Today's validity: a policy's ``current_validity`` (relations in force), else the field."""
    current = getattr(page, "current_validity", None)
    if current:
        return str(current)
    if not hasattr(page, "validity"):
        return ""
    display = getattr(page, "get_validity_display", None)
    return str(display() if callable(display) else page.validity or "")


def _field_texts(obj, fields):
    for field in fields:
        if isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                yield from _field_texts(item, field.fields)
        elif isinstance(field, SearchField) and field.field_name != "title":
            try:
                yield _as_text(field.get_value(obj))
            except Exception:  # a broken field must not break search
                logger.exception(
                    "search text of %s.%s failed", type(obj).__name__, field.field_name
                )


def body_text(page):
    """Every non-title search field's text, joined by blank lines."""
    return "\n\n".join(t for t in _field_texts(page, page.get_search_fields()) if t and t.strip())


def sections(page):
    """(anchor, heading, text) of each article: ``search_sections()`` or policy ``articles()``."""
    try:
        method = getattr(page, "search_sections", None)
        if callable(method):
            return [(str(a), str(h), str(t)) for a, h, t in method()]
        method = getattr(page, "articles", None)
        if callable(method):
            return [
                (str(a["anchor"]), str(a.get("label", "")), str(a.get("text", "")))
                for a in method()
                if isinstance(a, dict) and a.get("anchor")
            ]
    except Exception:
        logger.exception("search sections of page %s failed", page.pk)
    return []


def attachments(page, linked=None):
    """[{"title", "url", "text"}] of the readable public documents the page links;
    ``linked``: ``attachments_by_page()`` of several pages read at once, this one among them."""
    try:
        found = (linked if linked is not None else attachments_by_page([page.pk])).get(page.pk, [])
    except Exception:  # attachments must never break search
        logger.exception("search attachments of page %s failed", page.pk)
        return []
    return [{"title": a.title, "url": a.url, "text": a.text[:INDEXED_CHARS]} for a in found]


def linked_attachments(page_ids):
    """``attachments_by_page()`` of a batch of result pages in one go (None when that fails:
    each page then reads its own, and attachments never break search)."""
    try:
        return attachments_by_page(page_ids)
    except Exception:
        logger.exception("search attachments of pages %s failed", page_ids)
        return None


def record(page, full=True, linked=None):
    """A flat dict describing a specific page (used by Elasticsearch and the result list).

    ``full=False`` leaves out the text (body, sections): enough for facets and sorting.
    ``linked``: the attachments of a batch of pages, read at once (``attachments_by_page``).
    """
    model = page.specific_class or type(page)
    date = page_date(page)
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url() or page.url_path,
        "type": type_key(model),
        "type_label": type_label(model),
        "date": date,
        "year": date.year if date else None,
        "authority": authorities(page),
        "validity": validity(page),
        "doc_number": str(getattr(page, "doc_number", "") or ""),
        "status": status(page) if full else "",
        "body": body_text(page) if full else None,
        "sections": sections(page) if full else None,
        "attachments": attachments(page, linked) if full else None,
        "page": page,
    }
