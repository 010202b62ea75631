"""Render URLs through the whole middleware stack, as an anonymous reader would request them."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.http.request import validate_host
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from . import store


class _Handler(BaseHandler):
    def __init__(self):
        super().__init__()
        self.load_middleware()


def _site_host(site):
    """The site's host name, or the first allowed host when the Site record names another."""
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    if validate_host(site.hostname, settings.ALLOWED_HOSTS):
        return host
    named = [h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"]
    return named[0] if named else host


def _secure(site):
    """Render as HTTPS when the site is served over it (else the HTTPS redirect answers)."""
    return bool(site and (site.port == 443 or settings.SECURE_SSL_REDIRECT))


def page_urls():
    """(host, path, secure) of every live public page of every site."""
    urls = []
    for site in Site.objects.select_related("root_page"):
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        for page in pages.specific(defer=True).iterator():
            url = page.get_url(current_site=site)
            if not url:
                continue
            urls.append((_site_host(site), urlsplit(url).path, _secure(site)))
    return urls


def page_url(page):
    """(host, path, secure) of one page, or None when it has no address."""
    parts = page.get_url_parts()
    site = Site.objects.filter(pk=parts[0]).first() if parts else None
    return (_site_host(site), parts[2], _secure(site)) if site is not None else None


def page_urls_for(page):
    """(host, path, secure) of a page and its ancestors that readers can see."""
    candidates = Page.objects.ancestor_of(page, inclusive=True).live().public().filter(depth__gt=1)
    return [url for url in map(page_url, candidates) if url]


def extra_urls():
    """Non-page routes worth caching (the sitemap and any feed listed in settings)."""
    from django.urls import NoReverseMatch

    paths = []
    for name in getattr(settings, "PAGECACHE_URL_NAMES", ()):
        if "*" in name:
            continue
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            continue
    return route_urls(paths)


def route_urls(paths):
    """(host, path, secure) of non-page paths on the default site."""
    site = Site.objects.filter(is_default_site=True).first()
    host = _site_host(site) if site else "localhost"
    secure = bool(site and _secure(site))
    return [(host, path, secure) for path in paths]


def render(urls, variants=store.VARIANTS):
    """Request each URL in each reader variant; returns (stored, failed) counts."""
    handler = _Handler()
    factory = RequestFactory()
    stored = failed = 0
    with translation.override(translation.get_language()):
        for host, path, secure in urls:
            for variant in variants:
                cookies = "; ".join(f"{k}={v}" for k, v in store.variant_cookies(variant).items())
                request = factory.get(path, HTTP_HOST=host, HTTP_COOKIE=cookies, secure=secure)
                response = handler.get_response(request)
                if response.get("X-Page-Cache") == "stored":
                    stored += 1
                elif response.status_code >= 400:
                    failed += 1
    return stored, failed


def render_stale():
    """Render again, in its own variant, every file nginx is serving stale; (stored, failed)."""
    by_path = {}
    for variant, path in store.stale_entries():
        by_path.setdefault(path, []).append(variant)
    stored = failed = 0
    for url in route_urls(list(by_path)):
        done = render([url], variants=by_path[url[1]])
        stored, failed = stored + done[0], failed + done[1]
    return stored, failed


def rebuild():
    """Purge the cache and render every cacheable URL in every variant."""
    store.purge()
    return render(page_urls() + extra_urls())
