"""The public text of any page, field by field: title, search description, and every text,
rich text and StreamField field (nested blocks included), tags stripped."""

import html
import re

from django.db import models
from wagtail.fields import RichTextField, StreamField

_TAG = re.compile(r"<[^>]*>")
SKIPPED = {"slug", "url_path", "seo_title", "draft_title", "path", "latest_revision"}


def plain(value):
    return html.unescape(_TAG.sub(" ", value)) if "<" in value or "&" in value else value


def _strings(value):
    if isinstance(value, str):
        yield plain(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "raw_data"):  # StreamValue
        yield from _strings(list(value.raw_data))
    elif hasattr(value, "source"):  # RichText
        yield plain(value.source or "")


def value_text(value):
    return "\n".join(s for s in _strings(value) if s and s.strip())


def text_fields(model):
    """Names of the fields of ``model`` whose text is public."""
    names = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name in SKIPPED:
            continue
        long_text = isinstance(field, StreamField | RichTextField | models.TextField)
        short_text = isinstance(field, models.CharField) and not field.choices
        if long_text or short_text:
            names.append(field.name)
    return names


def page_text(page):
    """{field name: plain text} of a page (an instance not yet saved works too)."""
    found = {}
    for name in text_fields(type(page)):
        text = value_text(getattr(page, name, None))
        if text:
            found[name] = text
    return found
