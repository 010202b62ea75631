"""Keep the search indexes in step with publishing, and the analyzer with the synonyms."""

import functools

from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalManyToManyField
from modelsearch.index import insert_or_update_object
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from attachments.signals import attachments_changed

from . import indexer, runtime


def on_published(sender, instance, **kwargs):
    # Wagtail's post-save handler indexed the page while it was being saved, before its
    # many-to-many relations (发文机关) were written: a page that indexes such a relation is
    # indexed again now that they are; any other page was indexed once, completely.
    if _indexes_many_to_many(type(instance)):
        insert_or_update_object(instance)
    indexer.update_engine(instance)


@functools.cache
def _indexes_many_to_many(model):
    """Whether a search field of the model reads a ParentalManyToManyField, directly or
    through a method named after one (e.g. ``issuing_authorities_list``)."""
    names = {f.name for f in model._meta.get_fields() if isinstance(f, ParentalManyToManyField)}
    fields = getattr(model, "search_fields", [])
    return any(
        f.field_name in names or any(f.field_name.startswith(n) for n in names) for f in fields
    )


def on_unpublished(sender, instance, **kwargs):
    indexer.update_engine(instance)


def on_moved(sender, instance, **kwargs):
    # URLs of the page and all its descendants changed.
    indexer.update_pages(Page.objects.descendant_of(instance, inclusive=True))


def on_page_deleted(sender, instance, **kwargs):
    indexer.remove_page(instance)


def on_restriction_changed(sender, instance, **kwargs):
    # Private pages (and their subtrees) must leave the public index, public ones come back.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None and indexer.uses_elasticsearch():
        indexer.update_pages(Page.objects.descendant_of(page, inclusive=True))


def on_attachments_changed(sender, pages, **kwargs):
    # An attachment's text was read (or changed): the pages linking it are indexed with it.
    indexer.update_pages(pages)


def on_synonyms_changed(sender, **kwargs):
    runtime.synonyms_changed()


def connect():
    from .models import Synonym

    page_published.connect(on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_page_moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search_page_deleted")
    attachments_changed.connect(on_attachments_changed, dispatch_uid="search_attachments")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_restriction_{signal is post_save}",
        )
        signal.connect(
            on_synonyms_changed,
            sender=Synonym,
            dispatch_uid=f"search_synonyms_{signal is post_save}",
        )
