"""Served through the recipe, every address the site writes is the one it is served on."""

import re
import urllib.parse
from collections import deque

import pytest

from tests.served import Client

pytestmark = pytest.mark.recipe

OWN_HOSTS = re.compile(r"https?://(?:localhost|127\.0\.0\.1|testserver|\[::1\])(?::\d+)?")
HREF = re.compile(r'(?:href|src|action)="([^"#]+)"')
DATA = re.compile(r"\.(csv|json|xml|rss|atom)(\?|$)|/feed|/api/")


def crawl(client, start, limit):
    """Same-site pages reachable from ``start`` (path -> body), breadth first."""
    seen, queue, bodies = {start}, deque([start]), {}
    while queue and len(bodies) < limit:
        path = queue.popleft()
        response = client.get(path)
        bodies[path] = response.text
        if "html" not in response.header("Content-Type"):
            continue
        for link in HREF.findall(response.text):
            parts = urllib.parse.urlsplit(link.replace("&amp;", "&"))
            if parts.netloc and f"{parts.scheme}://{parts.netloc}" != client.base_url:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            skip = target.startswith(("/static/", "/media/", "/admin/"))
            if target.startswith("/") and not skip and target not in seen:
                seen.add(target)
                queue.append(target)
    return bodies


def test_no_address_but_the_configured_one(recipe):
    client = Client(recipe.site_port)
    client.base_url = recipe.base_url
    bodies = crawl(client, "/", limit=120)
    extra = ["/sitemap.xml", "/robots.txt", "/api/v2/pages/?fields=*&limit=20"]
    extra += sorted({p for p in bodies if DATA.search(p)})
    for path in extra:
        bodies.setdefault(path, client.get(path).text)
    wrong = {}
    for path, body in bodies.items():
        for found in OWN_HOSTS.findall(body):
            if found != recipe.base_url:
                wrong.setdefault(found, path)
    assert len(bodies) > 40
    assert wrong == {}
    # The configured address is the one written, e.g. in the canonical link of the home page.
    assert f'<link rel="canonical" href="{recipe.base_url}/">' in bodies["/"]
    assert f"{recipe.base_url}/" in bodies["/sitemap.xml"]


def test_a_wrong_address_gets_the_chinese_404(recipe):
    response = Client(recipe.site_port).get("/no-such-page-xyz/")
    assert response.status == 404
    assert "Page not found" not in response.text
    assert re.search(r"[\u4e00-\u9fff]", response.text)
