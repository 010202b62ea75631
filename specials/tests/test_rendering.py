"""A collection page, its feed and the home page need the same number of queries however many
items it shows (the number of page types shown is bounded; each costs a query or two)."""

import pytest

from media.tests.factories import photo_feature
from news.tests.factories import case_study, news_article
from policies.tests.factories import (
    IssuingAuthorityFactory,
    RegionFactory,
    TopicFactory,
    interpretation_page,
    policy_page,
)
from tests.test_query_counts import assert_flat

from .factories import make_collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def grown(db):
    topic = TopicFactory()
    region = RegionFactory(name="四川省成都市", level="city")
    pins = [news_article(region=region), photo_feature()]
    collection = make_collection(topic_ids=[topic.pk], show_on_home=True, page_size=50, pins=pins)

    def grow(k):
        for _ in range(k):
            policy = policy_page(
                topics=[topic], authorities=[IssuingAuthorityFactory()], region=region
            )
            interpretation_page(of=policy)
            case = case_study(region=region)
            case.themes = [topic]
            case.save_revision().publish()

    return collection, grow


def test_collection_page_queries_do_not_grow_with_items(client, grown):
    collection, grow = grown
    assert_flat(client, grow, lambda: collection.url)


def test_collection_feed_queries_do_not_grow_with_items(client, grown):
    collection, grow = grown
    assert_flat(client, grow, lambda: f"/feeds/specials/{collection.pk}.rss")


def test_home_slot_queries_do_not_grow_with_items(client, grown):
    collection, grow = grown
    assert_flat(client, grow, lambda: "/")
