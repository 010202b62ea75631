"""Saving imported records as published Wagtail pages, idempotently by record id."""

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from editorial.richtext import sanitize_html, text_to_html
from importing.models import ImportedRecord

SLUG_LENGTH = 60


def home_page():
    """The site's home page, the parent of every section index (found by label, not imported)."""
    home = apps.get_model("home", "HomePage").objects.first()
    if home is None:
        raise RuntimeError("No HomePage exists; run the migrations first.")
    return home


def ensure_index(model, slug, title):
    """The section index page of this type under the home page, created if missing."""
    home = home_page()
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    index = model(title=title, slug=slug, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def unique_slug(parent, title, exclude_pk=None):
    base = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") or "page"
    siblings = parent.get_children().exclude(pk=exclude_pk)
    slug, n = base, 2
    while siblings.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def attribution_fields(record):
    """Values for the fields of editorial.attribution.AttributedPage."""
    return {
        "date": record.date("date"),
        "author": record.text("author"),
        "source": record.text("source"),
        "source_url": record.text("source_url"),
        "editor_note": record.text("demo_label"),
    }


def body_html(record):
    body = record.get("body") or ""
    if record.get("body_format", "text") == "html":
        return sanitize_html(body)
    return text_to_html(body)


def paragraph_stream(record):
    html = body_html(record)
    return [("paragraph", html)] if html else []


def lookup(source_id):
    mapping = ImportedRecord.objects.filter(source_id=source_id).first()
    return mapping.target if mapping else None


def remember(source_id, obj):
    ImportedRecord.objects.update_or_create(
        source_id=source_id,
        defaults={
            "content_type": ContentType.objects.get_for_model(obj),
            "object_id": obj.pk,
        },
    )


def save_page(record, model, parent, fields, batch, prepare=None):
    """Create or update the page for this record with `fields`, then publish it.

    `prepare(page)` runs after the page is in the tree and before the revision is made,
    for child objects such as inline photos.
    """
    existing = batch.saved.get(record.id) or batch.existing.get(record.id)
    page = existing.specific if isinstance(existing, Page) else None
    if page is not None and not isinstance(page, model):
        page = None
    created = page is None
    if created:
        page = model(title=record.text("title"), slug=unique_slug(parent, record.text("title")))
    page.title = record.text("title")
    page.seo_title = ""
    for name, value in fields.items():
        setattr(page, name, value)
    date = record.date("date")
    if date:
        page.first_published_at = timezone.make_aware(
            datetime.datetime.combine(date, datetime.time(9, 0))
        )
    if created:
        parent.add_child(instance=page)
    if prepare:
        prepare(page)
    page.save_revision(log_action=True).publish()
    batch.saved[record.id] = page  # the pipeline remembers it once the record is saved
    if created:
        batch.created += 1
    else:
        batch.updated += 1
    return page
