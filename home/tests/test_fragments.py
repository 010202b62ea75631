"""The home page's content is rendered once per publish generation: a new, retitled or
withdrawn article shows at once, and the reused content equals a fresh render."""

import pytest
from django.core.cache import cache

from news.models import NewsArticlePage
from news.tests.factories import news_article

pytestmark = pytest.mark.django_db


def _content(client):
    return client.get("/").content.decode().split("<main", 1)[1]


def _fresh(client):
    cache.clear()
    return _content(client)


def test_a_published_retitled_or_unpublished_article_shows_at_once(client):
    news_article(title="乡村振兴座谈会召开")
    first = _content(client)
    assert "乡村振兴座谈会召开" in first
    assert _content(client) == first  # the stored fragment

    later = news_article(title="社区议事会成立")
    assert "社区议事会成立" in _content(client)

    page = NewsArticlePage.objects.get(pk=later.pk)
    page.title = "社区议事会正式成立"
    page.save_revision().publish()
    retitled = _content(client)
    assert "社区议事会正式成立" in retitled and "社区议事会成立<" not in retitled
    assert retitled == _fresh(client)

    NewsArticlePage.objects.get(pk=later.pk).unpublish()
    assert "社区议事会正式成立" not in _content(client)


def test_the_home_page_s_own_intro_saved_without_a_revision_shows_at_once(client):
    from home.models import HomePage

    _content(client)
    home = HomePage.objects.get()
    home.intro = "欢迎访问新的首页简介"
    home.save()
    assert "欢迎访问新的首页简介" in _content(client)


def test_a_policy_picked_for_the_home_page_shows_at_once(client):
    from home.models import HomeFeaturedPolicy, HomePage
    from policies.tests.factories import policy_page

    policy_page(title="推荐给首页的政策")
    assert "推荐给首页的政策" in _content(client)  # the newest, as nothing is picked
    other = policy_page(title="编辑挑选的政策")
    _content(client)
    HomeFeaturedPolicy.objects.create(home=HomePage.objects.get(), page=other)
    page = _content(client)
    assert "编辑挑选的政策" in page and "推荐给首页的政策" not in page
