"""Background work after a publish: purge everywhere, then render the changed pages again."""

import logging

from django.conf import settings
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, Site

from . import affected, renderer
from .frontend import EVERYTHING

logger = logging.getLogger(__name__)


def _default_host_url(path):
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return None
    return affected.full_url((renderer._site_host(site), path, renderer._secure(site)))


@task()
def refresh_pages(page_ids, urls=(), everything=False):
    """Purge through every frontend-cache backend (this node, the other nodes, a CDN) what the
    change affects, then re-render the changed pages, their ancestors and the home pages here."""
    pages = list(Page.objects.filter(pk__in=page_ids).live().specific(defer=True))
    targets = []
    for page in pages:
        targets += affected.direct(page) + affected.related(page)
    targets += renderer.extra_urls()
    purge = list(dict.fromkeys([*urls, *map(affected.full_url, targets)]))
    if everything:
        purge.append(_default_host_url(EVERYTHING))
    purge_urls_from_cache_task.call([url for url in purge if url])
    if getattr(settings, "PAGECACHE_EAGER", False):
        _render(pages)


def _render(pages):
    render = []
    for page in pages:
        render += renderer.page_urls_for(page)
    roots = Page.objects.filter(pk__in=Site.objects.values("root_page")).live()
    render += [url for url in map(renderer.page_url, roots) if url]
    try:
        renderer.render(list(dict.fromkeys(map(tuple, render))))
    except Exception:  # a page that cannot be rendered is rendered on its next request
        logger.exception("Page-cache re-render failed")
