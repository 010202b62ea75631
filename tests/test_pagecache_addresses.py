"""Addresses are one thing everywhere: the file a page is written to is the file its purge,
its retirement and the other nodes' purge endpoint remove, for Chinese, traditional, very long
and special-character slugs (issue 25, reproduction 1)."""

import json
import time

import pytest
from django.urls import reverse
from wagtail.models import Page

from news.tests.factories import news_article
from pagecache import addresses, store
from pagecache.frontend import sign

pytestmark = pytest.mark.django_db
KEY = "test-purge-key-not-secret"
LONG_SLUG = "关于进一步加强和改进新时代农村集体经济组织财务公开与民主监督工作的实施意见" * 3


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_ROOT = tmp_path / "pagecache"
    settings.PAGECACHE_EAGER = True
    settings.PAGECACHE_MAX_STALE_SECONDS = 60
    settings.PAGECACHE_PURGE_KEY = KEY
    return settings.PAGECACHE_ROOT


def on_disk(name):
    """Cached files (fresh or stale) whose path holds ``name`` as nginx would look it up."""
    return [p for p in store.cached_files() + store.stale_files() if name in p.as_posix()]


@pytest.mark.parametrize(
    "decoded",
    ["/siwu/盐井村/", "/siwu/鹽井村/", "/news/a+b_c-d/", "/news/50%off/", "/feeds/村务.rss"],
)
def test_a_link_and_the_decoded_path_name_the_same_file(decoded):
    encoded = addresses.url_path(addresses.relative_file(decoded))
    assert "%" in encoded or decoded.isascii()
    assert store.relative_file(encoded) == store.relative_file(decoded)
    assert addresses.url_path(store.relative_file(encoded)) == encoded


@pytest.mark.parametrize("path", [f"/news/{LONG_SLUG}/", "/news/%FF%FE/", "/a/%2E%2E/b/"])
def test_names_the_file_system_or_nginx_cannot_hold_are_not_cached(path):
    assert store.relative_file(path) is None


@pytest.mark.parametrize("slug", ["盐井村村务公开", "鹽井村財務公開", "2026年第3季度-收支_明细"])
def test_a_chinese_page_is_stored_under_its_decoded_name_and_unpublished_at_once(client, slug):
    article = news_article(f"{slug}的快讯", slug=slug)
    assert "%" in article.url or slug.isascii()
    assert client.get(article.url)["X-Page-Cache"] == "stored"
    assert store.cached_file(article.url) is not None
    assert on_disk(f"/hans-0/news/{slug}/index.html")  # the name nginx's $uri looks up

    Page.objects.get(pk=article.pk).specific.unpublish()

    assert store.cached_file(article.url) is None
    assert not on_disk(slug)
    assert f"{slug}的快讯" not in client.get("/news/").content.decode()


def test_a_corrected_chinese_page_is_retired_then_written_again(
    client, django_capture_on_commit_callbacks
):
    article = news_article("初稿的标题", slug="更正测试")
    client.get(article.url)
    article.title = "更正后的标题"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()  # retired, rendered again by the task (eager)
    assert store.stale_entries() == []
    found = store.cached_file(article.url)
    assert found is not None and "更正后的标题" in found.read_text(encoding="utf-8")
    assert "初稿的标题" not in "".join(p.read_text(encoding="utf-8") for p in on_disk("更正测试"))


def test_unpublishing_a_page_with_a_very_long_chinese_slug_works_and_it_is_never_cached(client):
    article = news_article("很长的标题", slug=LONG_SLUG)
    response = client.get(article.url)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    Page.objects.get(pk=article.pk).specific.unpublish()  # was: OSError File name too long
    assert client.get(article.url).status_code == 404
    assert store.purge_paths([article.url]) == 0 and store.retire_paths([article.url]) == 0


def test_the_purge_endpoint_of_another_node_removes_a_chinese_page(client):
    article = news_article("另一节点的页面", slug="另一节点")
    client.get(article.url)
    assert store.cached_file(article.url) is not None
    body = json.dumps({"paths": [article.url], "ts": int(time.time())}).encode()
    response = client.post(
        reverse("pagecache:purge"),
        body,
        content_type="application/json",
        HTTP_X_PAGECACHE_SIGNATURE=sign(KEY, body),
    )
    assert response.status_code == 200 and response.json()["removed"] >= 1
    assert store.cached_file(article.url) is None and not on_disk("另一节点")
