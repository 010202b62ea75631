"""The page cache and the microcache behind the nginx recipe, as readers see them while editors
publish: hits carry Vary: Cookie, a repeated search is a cache hit and a publish shows within the
configured limit, no reader gets an error during publishing, the home page and listings stay
hits while a publish is rendered and an unpublished page is gone at once, gunicorn down shows
the Chinese maintenance page."""

import re
import threading
import time
import urllib.parse

import pytest

from bench.web import servers
from tests.served import Client

pytestmark = pytest.mark.recipe

LIMIT = 10  # PAGECACHE_QUERY_SECONDS, the recipe's default
PUBLISH = """
import datetime
from news.models import NewsArticlePage, NewsIndexPage
index = NewsIndexPage.objects.live().first()
page = NewsArticlePage(title={title!r}, slug={slug!r}, date=datetime.date(2026, 11, 30),
                       body=[("paragraph", "<p>{title}</p>")])
index.add_child(instance=page)
page.save_revision().publish()
print(page.url)
"""


UNPUBLISH = """
from wagtail.models import Page
Page.objects.get(url_path__endswith="/{slug}/").specific.unpublish()
"""
MAX_STALE = 60  # PAGECACHE_MAX_STALE_SECONDS, the recipe's default


def publish_news(recipe, title, slug):
    out = recipe.manage("shell", "-c", PUBLISH.format(title=title, slug=slug))
    return out.strip().splitlines()[-1]


def search(client, term):
    return client.get("/search/?" + urllib.parse.urlencode({"q": term}))


def shows(response, slug):
    """Whether the results link the page with this slug (other pages may share a word)."""
    return f"/{slug}/" in response.text


def test_cached_pages_carry_vary_cookie(recipe):
    client = Client(recipe.site_port)
    client.get("/")
    response = client.get("/")
    assert response.status == 200 and response.header("X-Page-Cache") == "hit"
    assert "Cookie" in ", ".join(response.headers.get_all("Vary") or [])


def test_a_browser_gets_the_pre_compressed_file(recipe):
    client = Client(recipe.site_port)
    client.get("/")
    plain = client.get("/")
    packed = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert packed.status == 200 and packed.header("X-Page-Cache") == "hit"
    assert packed.header("Content-Encoding") == "gzip"
    # A length up front: the stored index.html.gz, not compressed on the fly (chunked).
    assert 0 < int(packed.header("Content-Length")) < len(plain.text.encode()) / 2


@pytest.fixture(scope="module")
def worker(recipe):
    """The task worker of the recipe: re-renders pages and indexes published ones."""
    process = recipe.start_worker()
    yield process
    servers.stop(process)


def test_a_repeated_search_is_a_cache_hit_and_a_publish_shows_within_the_limit(recipe, worker):
    term, slug = "白鹭湾试点", "bailuwan-pilot"  # no demo page has the phrase
    reader = Client(recipe.site_port)
    first = search(reader, term)
    assert first.status == 200 and not shows(first, slug)
    assert first.header("X-Cache-Status") in ("MISS", "EXPIRED")
    again = search(Client(recipe.site_port), term)
    assert again.header("X-Cache-Status") == "HIT" and again.text == first.text
    # A reader with a CSRF cookie (has sent a form) and an editor go past it.
    editor = Client(recipe.site_port)
    editor.cookies["csrftoken"] = "x" * 32
    assert search(editor, term).header("X-Cache-Status") == "BYPASS"
    hant = Client(recipe.site_port)
    hant.cookies["script"] = "hant"
    assert search(hant, term).header("X-Cache-Status") in ("MISS", "EXPIRED")  # own variant

    publish_news(recipe, f"{term}启动", slug)
    # The search index is updated by the task worker; from the moment the application finds the
    # new page, anonymous readers get it within the microcache's limit.
    deadline = time.monotonic() + 300
    while not shows(search(editor, term), slug):
        assert time.monotonic() < deadline, "the worker never indexed the published page"
        time.sleep(1)
    indexed = time.monotonic()
    while not shows(search(Client(recipe.site_port), term), slug):
        waited = time.monotonic() - indexed
        assert waited < LIMIT + 2, f"readers still get the old answer after {waited:.0f} s"
        time.sleep(0.5)
    answer = search(Client(recipe.site_port), term).text
    # the page with the whole phrase in its title comes first
    first_link = re.search(r'class="result-list".*?<a href="([^"]+)"', answer, re.S)
    assert first_link and first_link.group(1).endswith(f"/{slug}/")


def _read_while(stop, base_paths, port, results):
    client = Client(port)
    while not stop.is_set():
        for path in base_paths:
            response = client.get(path)
            complete = response.text.rstrip().endswith("</html>")
            results.append((path, response.status, complete, response.header("X-Page-Cache")))


def test_readers_get_no_error_or_broken_page_while_editors_publish(recipe, worker):
    client = Client(recipe.site_port)
    paths = ["/", "/news/", *re.findall(r'href="(/news/[^"/]+/)"', client.get("/news/").text)[:2]]
    for path in paths:
        client.get(path)
    stop, results = threading.Event(), []
    readers = [
        threading.Thread(target=_read_while, args=(stop, paths, recipe.site_port, results))
        for _ in range(3)
    ]
    for reader in readers:
        reader.start()
    try:
        for n in range(3):
            publish_news(recipe, f"并发发布测试{n}", f"rush-{n}")
    finally:
        stop.set()
        for reader in readers:
            reader.join(60)
    assert results and all(status == 200 and complete for _, status, complete, _ in results)
    hits = [r for r in results if r[3] == "hit"]
    assert len(hits) > len(results) / 2, "most readers are still served from the cache"
    # The worker renders the listing again after the last publish (served stale meanwhile).
    deadline = time.monotonic() + 120
    while "并发发布测试2" not in client.get("/news/").text:
        assert time.monotonic() < deadline and worker.poll() is None
        time.sleep(0.5)


def _hit(client, path):
    response = client.get(path)
    assert response.status == 200 and response.header("X-Page-Cache") == "hit", path
    return response.text


def test_a_publish_is_read_from_the_old_files_until_the_worker_has_written_the_new(recipe):
    client = Client(recipe.site_port)
    paths = ["/", "/news/"]
    # The refresh waits: what readers get while it is being rendered. (Stopped first: a worker
    # finishes the task it is running, which may write these files.)
    recipe.stop_workers()
    try:
        for path in paths:
            client.get(path)
        before = {path: _hit(client, path) for path in paths}
        url = publish_news(recipe, "刷新期间的快讯", "while-rendering")
        for path in paths:  # still from the file, the old version, no reader sent to gunicorn
            assert _hit(client, path) == before[path]
        assert "刷新期间的快讯" in client.get(url).text  # the new page itself, from the app
    finally:
        recipe.start_worker(log="worker-again.log")
    # The worker writes the new files; until then (at most MAX_STALE) the old ones answer.
    deadline = time.monotonic() + MAX_STALE
    while not all("刷新期间的快讯" in _hit(client, path) for path in paths):
        assert time.monotonic() < deadline, "the new version never replaced the stale file"
        time.sleep(0.5)


def test_an_unpublished_page_is_gone_at_once(recipe, worker):
    client = Client(recipe.site_port)
    url = publish_news(recipe, "马上撤下的快讯", "withdrawn-at-once")
    deadline = time.monotonic() + 60
    while client.get(url).header("X-Page-Cache") != "hit":  # cached by its first readers
        assert time.monotonic() < deadline
        time.sleep(0.5)
    recipe.stop_workers()  # nothing is rendered meanwhile: the removal alone must do it
    try:
        recipe.manage("shell", "-c", UNPUBLISH.format(slug="withdrawn-at-once"))
        gone = client.get(url)
        assert gone.status == 404 and gone.header("X-Page-Cache") != "hit"
        assert "马上撤下的快讯" not in client.get("/news/").text
    finally:
        recipe.start_worker(log="worker-after-unpublish.log")


def test_gunicorn_down_shows_the_chinese_maintenance_page(recipe):
    client = Client(recipe.site_port)
    client.get("/")
    term = "维护期间的检索"
    search(client, term)  # in the microcache now
    servers.stop(recipe.gunicorn())
    try:
        down = search(client, "另一个没人搜过的词")
        assert down.status == 502
        assert "系统维护中" in down.text and 'lang="zh-CN"' in down.text
        assert down.header("Content-Security-Policy") and down.header("Retry-After") == "30"
        cached = client.get("/")
        assert cached.status == 200 and cached.header("X-Page-Cache") == "hit"
        stale = search(client, term)
        assert stale.status == 200 and "系统维护中" not in stale.text
    finally:
        recipe.start_gunicorn(recipe.app_port)
    assert search(client, "恢复之后").status == 200
