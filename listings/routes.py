"""Wagtail's page routing, kept per process under the fragment stamp.

To serve a path, Wagtail walks the page tree from the site's root page: per level, a query for
the child with the next slug and one for its specific type (four queries for a policy). Where
a path leads depends only on the tree (slugs, live, moves, deletions) and the sites, and every
change of those starts a new publish generation (``listings.fragments``). So this middleware
keeps, per process and under the request's stamp (code version, generation, day), the page a
path led to on a site, and hands it to Wagtail's serve view where Wagtail keeps its own
per-request result (``request._wagtail_route_for_request``): the page is then one query, and
its own ``route`` gets the rest of the path (a routable page's sub-route). Kept only when every
page above it on the way routes as Wagtail's ``Page.route`` does (or tries its own sub-routes
first, as a routable page does); never with localized trees.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from editorial.memo import MISSING, Memo
from listings.fragments import request_stamp
from siteidentity.models import SiteIdentity

KEPT_SECONDS = 3600
ROUTES = Memo(size=2048)


class KeptRoutesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_kept_route_key", None)
        if key is not None:
            _remember(request, key)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or request.method not in ("GET", "HEAD"):
            return None
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return None
        site = Site.find_for_request(request)
        if site is None:
            return None
        # Created on first use, the site identity starts a new generation: before the stamp.
        SiteIdentity.for_request(request)
        stamp = request_stamp(request)
        key = (stamp, site.pk, site.root_page_id, request.path_info)
        kept = ROUTES.get(key)
        if kept is MISSING:
            request._kept_route_key = key
            return None
        if kept is not None and not hasattr(request, "_wagtail_route_for_request"):
            model, pk, remaining = kept
            page = model._default_manager.filter(pk=pk).first()
            if page is not None:
                try:
                    request._wagtail_route_for_request = page.route(request, list(remaining))
                except Http404:
                    request._wagtail_route_for_request = None
        return None


def _remember(request, key):
    """Keep the page Wagtail's walk down the tree reached for this request, and the path
    components left for that page's own ``route`` (a routable page's sub-route)."""
    result = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if result is None or site is None:
        return  # not found (or not routed): routed afresh each time
    page = result[0]
    remaining = _remaining(page, site.root_page, key[3])
    if remaining is None or not _walked(page, site.root_page):
        ROUTES.set(key, None, KEPT_SECONDS)
        return
    ROUTES.set(key, (type(page), page.pk, remaining), KEPT_SECONDS)


def _remaining(page, root, path):
    """The components of ``path`` below ``page`` (None: the path does not lead through it)."""
    components = [c for c in path.split("/") if c]
    if not page.url_path.startswith(root.url_path):
        return None
    own = [c for c in page.url_path[len(root.url_path) :].split("/") if c]
    if components[: len(own)] != own:
        return None
    return tuple(components[len(own) :])


def _walked(page, root):
    """Whether every page from the site's root down to ``page``'s parent hands the rest of the
    path to its children as ``Page.route`` does (a routable page first tries its own
    sub-routes, which depend on the path only)."""
    types = (
        Page.objects.ancestor_of(page)
        .filter(depth__gte=root.depth)
        .values_list("content_type", flat=True)
    )
    for content_type in types:
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is None or model.route not in (Page.route, RoutablePageMixin.route):
            return False
    return True
