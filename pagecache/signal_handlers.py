"""Purge what a change affects the moment published content changes, and no more.

A published page that stays public *retires* its own file, its ancestors, the listings and the
home pages, every feed and the sitemap on this node, in the editor's request and again after
the commit: nginx keeps serving those files (stale) until the background task
(``tasks.refresh_pages``) has written the new ones, at most PAGECACHE_MAX_STALE_SECONDS, so no
reader waits on a publish. The task retires the same plus the pages that show it (reference
index) on every node through the frontend-cache backends and renders them again.

Content that goes away — an unpublished or deleted page, a withdrawn disclosure, an answer taken
back — is removed at once with everything that shows it, stale copies included, on this node and
through the backends on every other. Moving a page or changing its slug, a view restriction,
sites, locales and taxonomy empty the whole cache.
"""

import logging

from django.apps import apps
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import affected, renderer, store
from .frontend import purge_locally

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
# A view restriction hides the page and every descendant at once: everything goes.
EVERYTHING_MODELS = {"wagtailcore.pageviewrestriction", "wagtailcore.site", "wagtailcore.locale"}
# Written with a publish whose page signal already purges (or never shown on a cached page).
IGNORED_MODELS = {"importing.importedrecord", "disclosures.chainhead"}


class _AfterCommit:
    """What one change leaves to do after the commit. Of the callbacks one commit runs, each
    hands its work to the last (a rolled-back transaction's callbacks never run), so a
    publish that fires several signals purges and enqueues once."""

    def __init__(self, change):
        self.change = change

    def __call__(self):
        pending = [f for _, f, _ in transaction.get_connection().run_on_commit]
        ours = [f for f in pending if isinstance(f, _AfterCommit)]
        if ours and ours[-1] is not self:
            ours[-1].change = _merge(self.change, ours[-1].change)
            return
        change = self.change
        _purge_here(change)
        from .tasks import refresh_pages

        try:
            refresh_pages.enqueue(
                change["page_ids"], change["gone_urls"], change["everything"], change["gone_ids"]
            )
        except DatabaseError as error:  # no task table yet (migrate): purged, rendered on demand
            level = logging.INFO if _no_task_table() else logging.WARNING
            logger.log(level, "Page-cache refresh task could not be queued: %s", error)


def _no_task_table():
    """True while the task table does not exist yet (a fresh ``migrate`` creating pages)."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    try:
        return DBTaskResult._meta.db_table not in connection.introspection.table_names()
    except DatabaseError:
        return False


def _merge(first, then):
    merged = {k: list(dict.fromkeys([*first[k], *then[k]])) for k in first if k != "everything"}
    return {**merged, "everything": first["everything"] or then["everything"]}


def _purge_here(change):
    """Retire what stays public (served stale until rendered again), then remove what went."""
    if change["everything"]:
        store.purge()
        return
    feeds = [t[1] for t in renderer.extra_urls()]
    if change["paths"]:
        purge_locally([*change["paths"], *feeds], refresh=True)
    if change["gone_paths"]:
        purge_locally([*change["gone_paths"], *feeds])


def changed(pages=(), targets=(), everything=False, gone=False):
    """Purge at once, again after the commit, then hand the rest to the background task.

    ``gone``: the pages' content went away (unpublished, deleted, withdrawn): they and what shows
    them are removed, never served stale. Otherwise they are retired: nginx keeps serving the
    old files until the task has written the new ones (at most PAGECACHE_MAX_STALE_SECONDS)."""
    if not store.enabled():
        return
    targets = list(targets)
    for page in pages:
        targets += affected.direct(page)
    paths = list(dict.fromkeys(t[1] for t in targets))
    ids = [p.pk for p in pages if p.pk]
    change = {
        "paths": [] if gone else paths,
        "gone_paths": paths if gone else [],
        "page_ids": [] if gone else ids,
        "gone_ids": ids if gone else [],
        "gone_urls": [affected.full_url(t) for t in targets] if gone else [],
        "everything": everything,
    }
    _purge_here(change)
    transaction.on_commit(_AfterCommit(change))


def _own_url(page):
    url = renderer.page_url(page)
    return [url] if url else []


def _withdrawn(page):
    """A publication that takes content back (a withdrawn disclosure stays live with its reason)."""
    return bool(getattr(page, "withdrawn", False))


def on_page_changed(sender, instance, **kwargs):
    changed([instance], gone=_withdrawn(instance))


def on_page_unpublished(sender, instance, **kwargs):
    parent = instance.get_parent()
    changed([parent] if parent else [], targets=_own_url(instance), gone=True)


def on_page_moved(sender, instance, **kwargs):
    """Moved, or its slug changed: every descendant's old address goes too."""
    changed([instance], everything=True)


def _pages_of(instance):
    """Pages a row belongs to or names (a policy relation, a disclosure item, a version)."""
    pages = []
    for field in instance._meta.concrete_fields:
        model = field.related_model
        if field.many_to_one and model is not None and issubclass(model, Page):
            page = Page.objects.filter(pk=getattr(instance, field.attname)).first()
            if page is not None:
                pages.append(page)
    return pages


def on_model_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if not instance.live:
            return
        if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
            return
        changed([instance], gone=_withdrawn(instance))
    elif _watched(sender):
        _content_changed(instance, created)


def on_model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        parent = instance.get_parent() if instance.depth > 1 else None
        targets = _own_url(instance)
        changed([parent] if parent else [], targets=targets, everything=not parent, gone=True)
    elif _watched(sender):
        _content_changed(instance, created=False)


def _content_changed(instance, created):
    if instance._meta.label_lower in EVERYTHING_MODELS:
        changed(everything=True)
        return
    pages = _pages_of(instance)
    if pages:
        changed(pages)
    elif isinstance(instance, AbstractImage | AbstractDocument):
        if not created:  # nobody shows a new file yet
            changed(targets=affected.related(instance) + affected.direct(None))
    elif not created or instance._meta.label_lower in WATCHED_MODELS:
        changed(everything=True)


def _watched(model):
    label = model._meta.label_lower
    if label in IGNORED_MODELS or issubclass(model, AbstractRendition):
        return False
    return model._meta.app_label in WATCHED_APPS or label in WATCHED_MODELS


def on_enquiry_publicity(sender, enquiry=None, **kwargs):
    """An answered question appeared or went away: purge the pages that show it (its disclosure
    and village pages with their ancestors, the Q&A list and its own page), not everything."""
    if enquiry is None:
        changed(everything=True)
        return
    pages = [getattr(enquiry, name, None) for name in ("disclosure", "village")]
    pages = [page for page in pages if page is not None and page.live]
    paths = [reverse("enquiries:qa_list"), reverse("enquiries:qa_detail", args=[enquiry.pk])]
    changed(pages, targets=renderer.route_urls(paths), gone=not kwargs.get("public", True))


def _take_over_wagtails_purges():
    """Wagtail's frontend_cache purges a published page's URL at once on every backend; ours
    purges it (retired or removed, through the same backends) with all that shows it."""
    from wagtail.contrib.frontend_cache import signal_handlers as wagtails

    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(wagtails.page_published_signal_handler, sender=model)
            page_unpublished.disconnect(wagtails.page_unpublished_signal_handler, sender=model)


def connect():
    _take_over_wagtails_purges()
    page_published.connect(on_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    page_slug_changed.connect(on_page_moved, dispatch_uid="pagecache_slug_changed")
    post_save.connect(on_model_saved, dispatch_uid="pagecache_saved")
    post_delete.connect(on_model_deleted, dispatch_uid="pagecache_deleted")
    if apps.is_installed("enquiries"):
        from enquiries.signals import publicity_changed

        publicity_changed.connect(on_enquiry_publicity, dispatch_uid="pagecache_enquiries")
