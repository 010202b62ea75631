"""Background work after a change: purge everywhere, then render the changed pages again."""

import logging

from django.conf import settings
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, Site

from . import affected, renderer
from .frontend import EVERYTHING, refresh_settings

logger = logging.getLogger(__name__)


def _default_host_url(path):
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return None
    return affected.full_url((renderer._site_host(site), path, renderer._secure(site)))


def _shown_by(pages):
    targets = []
    for page in pages:
        targets += affected.direct(page) + affected.related(page)
    return list(dict.fromkeys(map(affected.full_url, targets + renderer.extra_urls())))


@task()
def refresh_pages(page_ids, urls=(), everything=False, gone_ids=()):
    """Purge through every frontend-cache backend (this node, the other nodes, a CDN) what the
    change affects, then render the changed pages, their ancestors, the home pages and whatever
    is served stale here again.

    ``page_ids``: pages that stay public; what shows them is retired (served stale until
    rendered again). ``gone_ids``, ``urls``, ``everything``: content that went away; what shows
    it is removed at once on every node."""
    pages = list(Page.objects.filter(pk__in=page_ids).live().specific(defer=True))
    gone = list(Page.objects.filter(pk__in=gone_ids).specific(defer=True))
    if pages:
        purge_urls_from_cache_task.call(_shown_by(pages), backend_settings=refresh_settings())
    hard = [*urls, *(_shown_by(gone) if gone else ())]
    if everything:
        hard.append(_default_host_url(EVERYTHING))
    hard = [url for url in dict.fromkeys(hard) if url]
    if hard:
        purge_urls_from_cache_task.call(hard)
    if getattr(settings, "PAGECACHE_EAGER", False):
        _render([*pages, *(p for p in gone if p.live)])


def _render(pages):
    render = []
    for page in pages:
        render += renderer.page_urls_for(page)
    roots = Page.objects.filter(pk__in=Site.objects.values("root_page")).live()
    render += [url for url in map(renderer.page_url, roots) if url]
    try:
        renderer.render(list(dict.fromkeys(map(tuple, render))))
        renderer.render_stale()
    except Exception:  # a page that cannot be rendered is rendered on its next request
        logger.exception("Page-cache re-render failed")
