"""Purge what a change affects the moment published content changes, and no more.

A published, unpublished, deleted or moved page takes out its own file, its ancestors, the
listings and the home pages, every feed and the sitemap at once on this node (in the editor's
request, nothing stale is served meanwhile) and again after the commit. After the commit a
background task (``tasks.refresh_pages``) purges the same plus the pages that show it through
every frontend-cache backend, and renders the page and its ancestors again. Changes to shared
content (taxonomy, sites, view restrictions) still empty the whole cache; an enquiry made public
or withdrawn purges only the pages that show it.
"""

import logging

from django.apps import apps
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

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
# Written with a publish whose page signal already purges (or never shown on a cached page).
IGNORED_MODELS = {"importing.importedrecord", "disclosures.chainhead"}


class _AfterCommit:
    """What one change leaves to do after the commit. Of the callbacks one commit runs, each
    hands its work to the last (a rolled-back transaction's callbacks never run), so a
    publish that fires several signals purges and enqueues once."""

    def __init__(self, page_ids, paths, everything):
        self.page_ids, self.paths, self.everything = list(page_ids), list(paths), everything

    def __call__(self):
        pending = [f for _, f, _ in transaction.get_connection().run_on_commit]
        ours = [f for f in pending if isinstance(f, _AfterCommit)]
        if ours and ours[-1] is not self:
            ours[-1].page_ids[:0] = self.page_ids
            ours[-1].paths[:0] = self.paths
            ours[-1].everything |= self.everything
            return
        _purge_here(list(dict.fromkeys(self.paths)), self.everything)
        from .tasks import refresh_pages

        try:
            refresh_pages.enqueue(list(dict.fromkeys(self.page_ids)), [], self.everything)
        except DatabaseError:  # no task table yet (migrate): purged here, rendered on demand
            logger.warning("Page-cache refresh task could not be queued", exc_info=True)


def _purge_here(paths, everything):
    if everything:
        store.purge()
    else:
        purge_locally([*paths, *(t[1] for t in renderer.extra_urls())])


def changed(pages=(), targets=(), everything=False):
    """Purge at once, again after the commit, then hand the rest to the background task."""
    if not store.enabled():
        return
    targets = list(targets)
    for page in pages:
        targets += affected.direct(page)
    paths = [t[1] for t in targets]
    _purge_here(paths, everything)
    transaction.on_commit(_AfterCommit([p.pk for p in pages if p.pk], paths, everything))


def _own_url(page):
    url = renderer.page_url(page)
    return [url] if url else []


def on_page_changed(sender, instance, **kwargs):
    changed([instance])


def on_page_unpublished(sender, instance, **kwargs):
    parent = instance.get_parent()
    changed([parent] if parent else [], targets=_own_url(instance))


def on_page_moved(sender, instance, **kwargs):
    changed([instance], everything=True)  # every descendant's old address goes too


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
        changed([instance])
    elif _watched(sender):
        _content_changed(instance, created)


def on_model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        parent = instance.get_parent() if instance.depth > 1 else None
        changed([parent] if parent else [], targets=_own_url(instance), everything=not parent)
    elif _watched(sender):
        _content_changed(instance, created=False)


def _content_changed(instance, created):
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
    changed(pages, targets=renderer.route_urls(paths))


def connect():
    page_published.connect(on_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    post_save.connect(on_model_saved, dispatch_uid="pagecache_saved")
    post_delete.connect(on_model_deleted, dispatch_uid="pagecache_deleted")
    if apps.is_installed("enquiries"):
        from enquiries.signals import publicity_changed

        publicity_changed.connect(on_enquiry_publicity, dispatch_uid="pagecache_enquiries")
