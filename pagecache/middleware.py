"""Store anonymous responses of live public pages in the page cache as they are rendered."""

from fnmatch import fnmatchcase
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import validate_host
from django.urls import Resolver404, resolve
from django.utils.encoding import escape_uri_path

from . import store

XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
FEED_SUFFIXES = (".xml", ".rss", ".atom")  # nginx's mime.types gives each its XML type
UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache")


def configured_hosts(request=None):
    """host[:port] pairs the site is configured for: GONGKAI_BASE_URL and each Wagtail Site
    (Wagtail's cached root paths; a Site whose name is not allowed is rendered on the first
    allowed host, renderer._site_host). Default ports are left out, as browsers send them."""
    hosts = {_bare(urlsplit(settings.GONGKAI_BASE_URL).netloc)}
    for root in _site_root_paths(request):
        netloc = urlsplit(root.root_url).netloc
        hosts.add(_bare(netloc))
        if not validate_host(urlsplit(root.root_url).hostname or "", settings.ALLOWED_HOSTS):
            named = [h for h in settings.ALLOWED_HOSTS if h and h[0] != "." and h != "*"]
            hosts.update(_bare(h) for h in named[:1])
    return hosts


def _site_root_paths(request):
    """Wagtail's site root paths, read from the cache once per request and kept where Wagtail's
    own page links look for them."""
    from wagtail.models import Site

    if request is None:
        return Site.get_site_root_paths()
    kept = getattr(request, "_wagtail_cached_site_root_paths", None)
    if kept is None:
        kept = request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return kept


def _bare(host):
    host = host.lower()
    return host[:-3] if host.endswith(":80") else host[:-4] if host.endswith(":443") else host


def _configured_host(request):
    """Only a request on a configured host:port is stored for every reader: the page may
    carry the address it was asked on (``Host: 127.0.0.1:6666``)."""
    known = getattr(request, "_pagecache_configured_host", None)
    if known is None:
        try:
            known = _bare(request.get_host()) in configured_hosts(request)
        except DisallowedHost:
            known = False
        request._pagecache_configured_host = known
    return known


def _eligible_request(request):
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # editors and anyone with a session see the live application
    return not getattr(request, "is_preview", False) and _configured_host(request)


def _cacheable_page(request):
    """The page Wagtail served, if it is live and has no view restriction."""
    page = getattr(request, "pagecache_page", None)
    if page is None or getattr(request, "is_preview", False):
        return False
    return page.live and not page.get_view_restrictions().exists()


def _cacheable_route(request, setting="PAGECACHE_URL_NAMES"):
    """Non-page routes listed in PAGECACHE_URL_NAMES (the sitemap, feeds)."""
    names = getattr(settings, setting, ())
    try:
        match = request.resolver_match or resolve(request.path_info)
    except Resolver404:
        return False
    return any(fnmatchcase(match.view_name, name) for name in names)


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds this reader's CSRF token: not for anyone else
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return False
    ctype = response.get("Content-Type", "").split(";")[0].strip().lower()
    if request.path.endswith("/"):
        return ctype == "text/html"
    return request.path.endswith(FEED_SUFFIXES) and ctype in XML_TYPES


def _microcache_seconds(request, response):
    """Seconds nginx may keep this query-string answer for every anonymous reader, or 0."""
    seconds = getattr(settings, "PAGECACHE_QUERY_SECONDS", 0)
    if seconds <= 0 or request.method not in ("GET", "HEAD"):
        return 0
    if not _configured_host(request):
        return 0
    if not request.META.get("QUERY_STRING") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return 0
    if settings.CSRF_COOKIE_NAME in request.COOKIES or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return 0
    if response.status_code != 200 or response.streaming or response.cookies:
        return 0
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return 0
    ctype = response.get("Content-Type", "").split(";")[0].strip().lower()
    if ctype not in ("text/html", "application/json"):
        return 0
    page = _cacheable_page(request) if hasattr(request, "pagecache_page") else False
    return seconds if page or _cacheable_route(request, "PAGECACHE_QUERY_URL_NAMES") else 0


class PageCacheMiddleware:
    """Writes cacheable responses to disk; nginx serves them from there to anonymous readers.

    Place it above every middleware that changes the response body (e.g. the traditional-script
    conversion), so that the stored file is exactly what the reader would have received.
    Anonymous query-string answers (search, filters, pages of a listing) get X-Accel-Expires so
    that nginx's microcache keeps them PAGECACHE_QUERY_SECONDS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not store.enabled() or not _eligible_request(request):
            response = self.get_response(request)
            seconds = _microcache_seconds(request, response)
            if seconds:
                response["X-Accel-Expires"] = str(seconds)  # read by nginx, never sent on
            return response
        generation = store.current_generation()
        started = store.epoch()
        response = self.get_response(request)
        if _cacheable_response(request, response) and (
            _cacheable_page(request) or _cacheable_route(request)
        ):
            variant = store.variant_for_cookies(request.COOKIES)
            # The path as in a link (encoded): decoded once by the store, like nginx's $uri.
            path = escape_uri_path(request.path)
            if store.write(generation, variant, path, response.content, started):
                response["X-Page-Cache"] = "stored"
        return response
