"""Purge the page cache the moment published content changes.

Any change to a published page (publish, unpublish, delete, move) or to the content its pages
show (images, taxonomy, disclosures, sites) drops every cached file: listings, the home page,
feeds and the sitemap all may show it. Pages are rendered again on their next request, and the
changed page with its ancestors at once when PAGECACHE_EAGER is on.
"""

import logging
import threading

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store

logger = logging.getLogger(__name__)

# Saving these Page fields only records a draft; the published page does not change.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
}
WATCHED_APPS = {"home", "news", "policies", "taxonomy", "media", "disclosures"}
WATCHED_MODELS = {"wagtailcore.site", "wagtailcore.pageviewrestriction", "wagtailcore.locale"}
IGNORED_MODELS = {"importing.importedrecord"}


class _Pending(threading.local):
    """Changes seen in the current transaction, handled once after it commits."""

    def __init__(self):
        self.dirty = False
        self.urls = []


_pending = _Pending()


def _purge_now_and_after_commit(urls=()):
    """Purge at once (nothing stale is served meanwhile) and again after the commit (a reader
    who rendered the old content during the transaction cannot leave it behind), then render
    the changed pages again."""
    if not store.enabled():
        return
    store.purge()
    _pending.dirty = True
    _pending.urls.extend(urls)
    transaction.on_commit(_after_commit)


def _after_commit():
    if not _pending.dirty:
        return  # an earlier callback of the same commit did the work
    urls = list(dict.fromkeys(_pending.urls))
    _pending.dirty, _pending.urls = False, []
    store.purge()
    if urls and getattr(settings, "PAGECACHE_EAGER", False):
        _render_eagerly(urls)


def _render_eagerly(urls):
    """The changed pages and their ancestors; feeds and the sitemap follow on first request."""
    from .renderer import render

    try:
        render(urls)
    except Exception:  # the editor's action must not fail because a page could not be cached
        logger.exception("Eager page-cache rendering failed")


def _page_and_ancestors(page):
    """Paths of a page and its live ancestors, re-rendered right after the purge."""
    from .renderer import page_urls_for

    return page_urls_for(page)


def on_page_changed(sender, instance, **kwargs):
    _purge_now_and_after_commit(_page_and_ancestors(instance))


def on_page_unpublished(sender, instance, **kwargs):
    parent = instance.get_parent()
    _purge_now_and_after_commit(_page_and_ancestors(parent) if parent else ())


def on_page_moved(sender, instance, **kwargs):
    _purge_now_and_after_commit(_page_and_ancestors(instance))


def on_model_saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if not instance.live:
            return
        if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
            return
        _purge_now_and_after_commit()
        return
    if _watched(sender):
        _purge_now_and_after_commit()


def on_model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or _watched(sender):
        _purge_now_and_after_commit()


def _watched(model):
    label = model._meta.label_lower
    if label in IGNORED_MODELS or issubclass(model, AbstractRendition):
        return False
    return model._meta.app_label in WATCHED_APPS or label in WATCHED_MODELS


def on_enquiry_publicity(sender, **kwargs):
    """An answered question shown on public pages appeared or went away."""
    if store.enabled():
        store.purge()


def connect():
    page_published.connect(on_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    post_save.connect(on_model_saved, dispatch_uid="pagecache_saved")
    post_delete.connect(on_model_deleted, dispatch_uid="pagecache_deleted")
    if apps.is_installed("enquiries"):
        from enquiries.signals import publicity_changed

        publicity_changed.connect(on_enquiry_publicity, dispatch_uid="pagecache_enquiries")
