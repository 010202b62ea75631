"""Stale while rendering: after a publish readers keep the old file of a page that stays public
until the new one is written, never longer than PAGECACHE_MAX_STALE_SECONDS; content that goes
away (withdrawn, restricted) is gone at once; a refresh reaches the other nodes, signed."""

import gzip
import hashlib
import json
import threading

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from disclosures.tests.factories import finance_disclosure, hierarchy
from news.tests.factories import news_article
from pagecache import store, views
from pagecache.frontend import PageCacheBackend, refresh_settings

pytestmark = pytest.mark.django_db
KEY = "test-purge-key-not-secret"


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_ROOT = tmp_path / "pagecache"
    settings.PAGECACHE_EAGER = True
    settings.PAGECACHE_MAX_STALE_SECONDS = 60
    settings.PAGECACHE_PURGE_KEY = KEY
    return settings.PAGECACHE_ROOT


def served(path, **cookies):
    found = store.cached_file(path, cookies)
    return found.read_text(encoding="utf-8") if found else None


def test_a_retired_page_is_served_stale_for_at_most_the_configured_time(client, monkeypatch):
    article = news_article("限时的旧版本")
    client.get(article.url)
    now = store.bucket()
    assert store.retire_paths([article.url]) == 1
    assert store.cached_files() == [] and "限时的旧版本" in served(article.url)
    # nginx reads the bucket of the moment: 50 s on it is still served, from 60 s on never.
    monkeypatch.setattr(store, "bucket", lambda now_=None: now + 5)
    assert "限时的旧版本" in served(article.url)
    monkeypatch.setattr(store, "bucket", lambda now_=None: now + 6)
    assert served(article.url) is None
    assert store.stale_entries() == []  # nothing left to render either


def test_no_stale_copy_when_the_limit_is_zero(client, settings):
    settings.PAGECACHE_MAX_STALE_SECONDS = 0
    article = news_article("不许过期的版本")
    client.get(article.url)
    assert store.retire_paths([article.url]) == 1
    assert served(article.url) is None and store.stale_files() == []


def test_writing_the_new_version_replaces_the_stale_copy(client):
    article = news_article("先旧后新")
    client.get(article.url)
    store.retire_paths([article.url])
    assert store.stale_entries() == [("hans-0", article.url)]
    assert store.write(store.current_generation(), "hans-0", article.url, b"<html>new</html>")
    assert served(article.url) == "<html>new</html>" and store.stale_files() == []


def test_a_withdrawn_disclosure_is_never_served_stale(client, django_capture_on_commit_callbacks):
    _index, _county, township, (village,) = hierarchy()
    disclosure = finance_disclosure(village, title="2024年第一季度财务公开")
    for path in (disclosure.url, village.url, township.url):
        assert client.get(path).status_code == 200
    assert "办公用品" in served(disclosure.url)

    disclosure.withdrawn = True
    disclosure.withdrawal_reason = "数据录入有误"
    with django_capture_on_commit_callbacks(execute=True):
        disclosure.save_revision().publish()
        # In the editor's request already: the old figures are not served, not even stale.
        assert served(disclosure.url) is None and served(village.url) is None
        assert not any("办公用品" in p.read_text() for p in store.stale_files())
    assert "数据录入有误" in client.get(disclosure.url).content.decode()


def test_a_view_restriction_hides_the_page_and_its_descendants_at_once(client):
    article = news_article("将设为内部的新闻")
    parent = article.get_parent()
    for path in ("/", parent.url, article.url):
        client.get(path)
    assert served(article.url) and served(parent.url)

    PageViewRestriction.objects.create(page=parent, restriction_type="login")

    assert served(parent.url) is None and served(article.url) is None
    assert store.stale_files() == []
    assert client.get(article.url).status_code == 302  # to the login page, not from the cache


def _received(monkeypatch):
    sent = []

    def send(self, node, host, body):
        sent.append((node, body, views.sign(KEY, body)))

    monkeypatch.setattr(PageCacheBackend, "_send", send)
    return sent


def test_a_refresh_reaches_the_other_nodes_signed_and_they_serve_stale_meanwhile(
    client, monkeypatch
):
    article = news_article("多节点的旧标题")
    keep = news_article("其他节点上的无关新闻")
    for page in (article, keep):
        client.get(page.url)
    sent = _received(monkeypatch)
    conf = refresh_settings()["pagecache"]
    backend = PageCacheBackend({**conf, "NODES": ["http://10.0.0.12:8000"], "KEY": KEY})
    backend.purge_batch([f"http://127.0.0.1{article.url}"])
    ((node, body, signature),) = sent
    assert json.loads(body)["refresh"] is True and json.loads(body)["paths"] == [article.url]
    assert store.stale_entries() == [("hans-0", article.url)]  # this node: retired

    # The other node is this same site: the signed request retires its file and renders it
    # again after answering (in a thread; here inline, the test database is not shared).
    client.get(article.url)
    rendered = []
    monkeypatch.setattr(views, "start_refresh", lambda: rendered.append(store.stale_entries()))
    url = reverse("pagecache:purge")
    response = client.post(
        url, body, content_type="application/json", HTTP_X_PAGECACHE_SIGNATURE=signature
    )
    assert response.status_code == 200 and response.json()["removed"] == 1
    assert rendered == [[("hans-0", article.url)]]
    assert "多节点的旧标题" in served(article.url) and served(keep.url)
    # Changing "refresh" breaks the signature: nobody can turn a removal into a refresh.
    forged = body.replace(b'"refresh": true', b'"refresh": false')
    response = client.post(
        url, forged, content_type="application/json", HTTP_X_PAGECACHE_SIGNATURE=signature
    )
    assert response.status_code == 403


def test_readers_get_whole_files_while_pages_are_retired_and_written_again():
    generation = store.current_generation()
    versions = [f"<html>{word * 150_000}</html>".encode() for word in ("甲", "乙")]
    assert store.write(generation, "hans-0", "/news/live/", versions[0])
    seen, problems, done = set(), [], threading.Event()

    def read():
        while not done.is_set():
            found = store.cached_file("/news/live/")
            try:
                body = found.read_bytes() if found else None
            except FileNotFoundError:
                continue  # retired between lookup and open: nginx asks the application
            if body is not None and body not in versions:
                problems.append(len(body))
            elif body is not None:
                seen.add(hashlib.sha1(body).hexdigest())  # noqa: S324 - not for security

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    for n in range(200):
        store.retire_paths(["/news/live/"])
        assert store.write(generation, "hans-0", "/news/live/", versions[n % 2], store.epoch())
    done.set()
    for reader in readers:
        reader.join()
    assert problems == [] and len(seen) == 2
    assert store.stale_files() == []


def test_each_file_has_a_gzip_twin_that_goes_and_stays_with_it(client):
    article = news_article("压缩副本")
    client.get(article.url)
    plain = store.cached_file(article.url)
    twin = plain.with_name("index.html.gz")
    assert gzip.decompress(twin.read_bytes()) == plain.read_bytes()
    assert twin not in store.cached_files()

    store.retire_paths([article.url])  # served stale: the twin too (nginx's gzip_static)
    stale = store.cached_file(article.url)
    assert gzip.decompress(stale.with_name("index.html.gz").read_bytes()) == stale.read_bytes()
    assert not twin.exists()
    store.purge_paths([article.url])
    assert store.cached_file(article.url) is None
    assert not [p for p in store.root().rglob("*.gz")]


def test_a_new_slug_drops_the_old_address(client, django_capture_on_commit_callbacks):
    article = news_article("换了地址的新闻")
    old_url = article.url
    client.get(old_url)
    article.slug = "new-address"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()
    assert article.url != old_url
    assert served(old_url) is None
    assert "换了地址的新闻" in served(article.url)
