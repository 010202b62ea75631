"""The publish-time page cache: what nginx would serve is right the moment an editor acts."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.tests.factories import section
from news.tests.factories import NewsIndexPageFactory, news_article
from pagecache import store
from policies.tests.factories import TopicFactory, policy_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_ROOT = tmp_path / "pagecache"
    settings.PAGECACHE_EAGER = True
    return settings.PAGECACHE_ROOT


def served(path, **cookies):
    """The body nginx would send for this path and these cookies, or None (goes to the app)."""
    found = store.cached_file(path, cookies)
    return found.read_text(encoding="utf-8") if found else None


def cached_text():
    return "\n".join(p.read_text(encoding="utf-8") for p in store.cached_files())


def stale_text():
    return "\n".join(p.read_text(encoding="utf-8") for p in store.stale_files())


def test_anonymous_page_view_is_stored_per_reader_variant(client):
    article = news_article("社区议事会选出新成员")
    response = client.get(article.url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "stored"
    assert "社区议事会选出新成员" in served(article.url)
    assert served(article.url, script="hant") is None

    client.cookies["script"] = "hant"
    client.cookies["elder"] = "1"
    client.get(article.url)
    assert store.cached_file(article.url, {"script": "hant", "elder": "1"}).parent.parts[-3:-1] == (
        "hant-1",
        "news",
    )
    # Values nginx's map does not know fall back to the default variant, like the site does.
    assert store.variant_for_cookies({"script": "HANT", "elder": "yes"}) == "hans-0"


def test_a_publish_keeps_serving_the_old_pages_until_the_new_ones_are_written(
    client, django_capture_on_commit_callbacks
):
    article = news_article("旧标题：村民议事")
    for path in ("/", article.url, article.get_parent().url):
        client.get(path)
    assert "旧标题" in served("/") and "旧标题" in served(article.url)

    article.title = "新标题：村民议事会"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
        # Until the task has rendered them, readers get the old files (stale), not gunicorn.
        assert "旧标题" not in cached_text()
        for path in ("/", article.url, article.get_parent().url):
            assert "旧标题" in (served(path) or ""), path

    assert "旧标题" not in cached_text() and store.stale_files() == []
    # Re-rendered right after the commit: the page, its listing and the home page.
    for cookies in ({}, {"script": "hant"}, {"elder": "1"}, {"script": "hant", "elder": "1"}):
        assert served(article.url, **cookies) is not None
    assert "新标题：村民议事会" in served(article.url)
    assert "新标题：村民议事会" in served(article.get_parent().url)
    assert "新标题：村民议事会" in served("/")


def test_unpublishing_removes_the_page_and_its_teasers(client, django_capture_on_commit_callbacks):
    article = news_article("即将撤下的新闻")
    for path in ("/", article.url):
        client.get(path)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
        # Gone at once, never served stale: neither the page nor the pages showing its teaser.
        assert served(article.url) is None and served("/") is None
        assert "即将撤下的新闻" not in cached_text() + stale_text()
    assert served(article.url) is None
    assert served("/") is not None and "即将撤下的新闻" not in served("/")
    assert client.get(article.url).status_code == 404
    assert served(article.url) is None


def test_moving_a_page_drops_the_old_address(client, django_capture_on_commit_callbacks):
    article = news_article("要移动的新闻")
    old_url = article.url
    client.get(old_url)
    other = section(NewsIndexPageFactory, "news-archive", "新闻存档")
    with django_capture_on_commit_callbacks(execute=True):
        article.move(other, pos="last-child")
    article.refresh_from_db()
    assert article.url != old_url
    assert served(old_url) is None
    assert "要移动的新闻" in served(article.url)


def test_deleting_a_page_and_editing_shared_content_purge(client):
    article = news_article("将被删除的新闻")
    client.get(article.url)
    article.delete()
    assert store.cached_files() == []

    policy = policy_page(topics=[TopicFactory()])
    client.get(policy.url)
    assert store.cached_files()
    topic = policy.topics.get()
    topic.name = "改名后的主题"
    topic.save()
    assert store.cached_files() == []


def test_saving_a_draft_keeps_the_published_cache(client):
    article = news_article("已发布标题")
    client.get(article.url)
    article.title = "草稿标题"
    article.save_revision()
    assert "已发布标题" in served(article.url)


def test_editors_previews_queries_posts_and_private_pages_bypass_the_cache(client, admin_client):
    article = news_article("绕过缓存")
    admin_client.get(article.url)
    assert served(article.url) is None, "a logged-in editor's view must not be stored"

    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code == 200 and "绕过缓存" in preview.content.decode()
    assert store.cached_files() == []

    assert client.get(article.url, {"page": "2"}).status_code == 200
    client.post(article.url)
    assert store.cached_files() == []

    private = news_article("仅限登录")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    client.get(private.url)
    client.get("/no-such-page/")
    assert store.cached_files() == []


def test_rebuild_renders_every_live_page_in_every_variant():
    live = news_article("已发布的新闻")
    draft = news_article("已撤下的新闻")
    draft.unpublish()
    store.purge()

    call_command("pagecache_rebuild")

    assert "已发布的新闻" in served(live.url, elder="1")
    for cookies in ({}, {"script": "hant"}, {"elder": "1"}, {"script": "hant", "elder": "1"}):
        assert served("/", **cookies) is not None
        assert served(live.url, **cookies) is not None
        assert "<urlset" in served("/sitemap.xml", **cookies)
    assert served(draft.url) is None
    assert "已撤下的新闻" not in cached_text()


def test_a_render_that_loses_the_race_with_a_purge_is_never_served():
    generation = store.current_generation()
    store.purge()
    assert store.write(generation, "hans-0", "/stale/", b"old") is False
    assert store.cached_file("/stale/") is None


@pytest.mark.parametrize("path", ["/../etc/", "/a/../../b/", "/a//b/", "relative/", "/x\x00/"])
def test_unsafe_paths_are_never_written(path):
    assert store.relative_file(path) is None
    assert store.write(store.current_generation(), "hans-0", path, b"x") is False


def test_cache_is_off_unless_enabled(settings, client):
    settings.PAGECACHE_ENABLED = False
    article = news_article()
    response = client.get(article.url)
    assert "X-Page-Cache" not in response
    assert store.cached_files() == []


def test_logged_in_session_cookie_bypasses(client):
    user = get_user_model().objects.create_user("reader", password="irrelevant-pass-93")
    client.force_login(user)
    article = news_article()
    client.get(article.url)
    assert store.cached_files() == []


def test_feeds_are_cached_and_refreshed_with_the_pages(client, django_capture_on_commit_callbacks):
    article = news_article("订阅里的旧标题")
    response = client.get("/feeds/news.rss")
    assert response.status_code == 200 and response["X-Page-Cache"] == "stored"
    assert "订阅里的旧标题" in served("/feeds/news.rss")

    article.title = "订阅里的新标题"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
        assert "订阅里的旧标题" in served("/feeds/news.rss")  # stale until rendered again
    assert "订阅里的新标题" in served("/feeds/news.rss")  # by the task


def test_system_check_catches_the_cache_below_the_script_converter(settings):
    from pagecache.checks import BODY_CHANGERS, CACHE, middleware_order

    assert middleware_order(None) == []
    others = [m for m in settings.MIDDLEWARE if m != CACHE]
    settings.MIDDLEWARE = [*others, CACHE]
    errors = middleware_order(None)
    assert [e.id for e in errors] == ["pagecache.E001"] * len(
        [m for m in BODY_CHANGERS if m in others]
    )
    assert errors


def test_pages_carrying_a_csrf_token_are_not_stored(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from pagecache.middleware import _cacheable_response

    request = rf.get("/form/")
    response = HttpResponse("<form></form>", content_type="text/html")
    assert _cacheable_response(request, response)
    get_token(request)  # what {% csrf_token %} does
    assert not _cacheable_response(request, response)


def test_rebuild_works_behind_the_https_redirect_of_production(settings):
    settings.SECURE_SSL_REDIRECT = True
    article = news_article("生产环境里的新闻")
    call_command("pagecache_rebuild")
    assert "生产环境里的新闻" in served(article.url)


def test_an_answered_question_made_public_keeps_unrelated_pages(
    client, django_capture_on_commit_callbacks
):
    from enquiries import rules
    from enquiries.tests.factories import EnquiryFactory

    article = news_article("村务公开答复栏目")
    client.get(article.url)
    assert served(article.url) is not None
    question = EnquiryFactory(
        kind=rules.QUESTION, status="answered", allow_public=True, moderation="pending",
        replied_on=datetime.date(2026, 3, 5),
    )  # fmt: skip
    assert served(article.url) is not None  # a question not yet public changes no page
    question.moderation = "approved"
    with django_capture_on_commit_callbacks(execute=True):
        question.save()
    assert question.is_public
    # Only the pages showing the answer are purged (tests/test_pagecache_publish.py).
    assert served(article.url) is not None
