"""A publish writes the page to the search index once, and the index holds the new text."""

from unittest import mock

import pytest
from wagtail.search.backends import get_search_backend

from news.models import NewsArticlePage
from news.tests.factories import news_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_writes():
    """Every page written to the search backend, in order."""
    backend = get_search_backend()
    written = []
    original = type(backend).add

    def add(self, obj):
        written.append(obj.pk)
        return original(self, obj)

    with mock.patch.object(type(backend), "add", add):
        yield written


def test_publishing_an_edit_indexes_the_page_once(index_writes):
    page = news_article("社区议事会召开")
    page.title = "社区议事会如期召开"
    revision = page.save_revision()
    index_writes.clear()
    revision.publish()
    assert index_writes == [page.pk]
    hits = NewsArticlePage.objects.live().search("如期召开")
    assert [hit.pk for hit in hits] == [page.pk]


def test_unpublishing_indexes_once(index_writes):
    page = news_article()
    index_writes.clear()
    page.unpublish()
    assert index_writes == [page.pk]
