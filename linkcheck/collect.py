"""The links and images of every published page, read from the page as readers get it.

Pages are rendered in-process (no network). Each address is stored once (``Link``) with the
pages it appears on (``LinkUse``); links on the home page are marked, to be checked first.
"""

import logging
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client
from wagtail.models import Page, Site

from .models import Link, LinkUse

logger = logging.getLogger(__name__)
MAX_LINKS_PER_PAGE = 20000
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "#", "sms:")


class LinkParser(HTMLParser):
    """Collects a href and img src (at most MAX_LINKS_PER_PAGE distinct addresses)."""

    def __init__(self, base):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found = {}

    def handle_starttag(self, tag, attrs):
        wanted = {"a": "href", "img": "src"}.get(tag)
        if not wanted or len(self.found) >= MAX_LINKS_PER_PAGE:
            return
        value = (dict(attrs).get(wanted) or "").strip()
        if not value or value.lower().startswith(SKIPPED_SCHEMES):
            return
        url = urljoin(self.base, value).split("#", 1)[0]
        if urlsplit(url).scheme in ("http", "https"):
            self.found.setdefault(url, tag == "img")


def links_in(html, base):
    """{absolute url: is_image} of the page's links and images."""
    parser = LinkParser(base)
    parser.feed(html)
    parser.close()
    return parser.found


def _render(client, page):
    url = page.get_full_url()
    if not url:
        return "", ""
    parts = urlsplit(url)
    response = client.get(parts.path or "/", HTTP_HOST=parts.netloc)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return "", url
    return response.content.decode(response.charset or "utf-8", "replace"), url


def _store(page, found, site_hosts, home):
    hashes = {Link.hash_of(url): (url, image) for url, image in found.items()}
    Link.objects.bulk_create(
        [
            Link(url=url, url_hash=h, image=image, external=_external(url, site_hosts))
            for h, (url, image) in hashes.items()
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    ids = []
    keys = list(hashes)
    for start in range(0, len(keys), 500):
        chunk = Link.objects.filter(url_hash__in=keys[start : start + 500])
        ids.extend(chunk.values_list("pk", flat=True))
    if home:
        Link.objects.filter(pk__in=ids, on_home_page=False).update(on_home_page=True)
    LinkUse.objects.filter(page=page).exclude(link_id__in=ids).delete()
    LinkUse.objects.bulk_create(
        [LinkUse(link_id=pk, page=page) for pk in ids], ignore_conflicts=True, batch_size=500
    )


def _external(url, site_hosts):
    return (urlsplit(url).netloc or "").lower() not in site_hosts


def site_hosts():
    hosts = set()
    for site in Site.objects.all():
        root = site.root_url.split("://", 1)[-1].lower()
        hosts.update({root, site.hostname.lower()})
    return hosts


def collect(pages=None):
    """Read every published public page's links; returns the number of pages read."""
    client = Client(raise_request_exception=False)
    hosts = site_hosts()
    homes = set(Site.objects.values_list("root_page_id", flat=True))
    pages = pages or Page.objects.live().public().filter(depth__gt=1).order_by("depth", "path")
    Link.objects.filter(on_home_page=True).update(on_home_page=False)
    count = 0
    for page in pages.iterator(chunk_size=200) if hasattr(pages, "iterator") else pages:
        try:
            html, base = _render(client, page)
        except Exception:  # one broken page must not stop the run
            logger.exception("linkcheck: page %s could not be rendered", page.pk)
            continue
        _store(page, links_in(html, base) if html else {}, hosts, page.pk in homes)
        count += 1
    Link.objects.filter(uses__isnull=True).delete()
    return count
