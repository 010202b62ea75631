"""RSS 2.0 and Atom feeds parse, hold the right items, with absolute links and correct dates."""

import datetime
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from home.tests.factories import home_page
from media.tests.factories import (
    CreditedImageFactory,
    PhotoFeatureIndexPageFactory,
    PhotoFeaturePageFactory,
)
from news.tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from policies.tests.factories import PolicyIndexPageFactory, PolicyPageFactory, TopicFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    channel = root.find("channel")
    return channel, channel.findall("item")


def test_news_rss_lists_live_news_newest_first_with_absolute_links_and_dates(client):
    index = NewsIndexPageFactory(parent=home_page())
    old = NewsArticlePageFactory(parent=index, title="旧新闻", date=datetime.date(2020, 1, 2))
    new = NewsArticlePageFactory(parent=index, title="新新闻", date=datetime.date(2021, 11, 21))
    draft = NewsArticlePageFactory(parent=index, title="未发布新闻", live=False)
    draft.unpublish()
    channel, items = rss_items(client, "/feeds/news.rss")
    assert channel.findtext("title").endswith("新闻动态")
    assert [i.findtext("title") for i in items] == ["新新闻", "旧新闻"]
    first = items[0]
    assert first.findtext("link") == "http://testserver" + new.url
    published = parsedate_to_datetime(first.findtext("pubDate"))
    assert published.date() == datetime.date(2021, 11, 21)
    assert published.utcoffset() == datetime.timedelta(hours=8)
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == "李丹"
    assert old.title in [i.findtext("title") for i in items]


def test_atom_feed_is_valid_atom_with_absolute_entry_links(client):
    index = CaseStudyIndexPageFactory(parent=home_page())
    theme = TopicFactory(name="社区营造")
    page = CaseStudyPageFactory(parent=index, title="青羊区案例", themes=[theme])
    response = client.get("/feeds/cases.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    assert feed.tag == f"{ATOM}feed"
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "青羊区案例"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver" + page.url
    assert entry.findtext(f"{ATOM}published").startswith("2018-10-10T")
    assert entry.findtext(f"{ATOM}updated")
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["社区营造"]


def test_photo_feed_credits_photographers(client):
    index = PhotoFeatureIndexPageFactory(parent=home_page())
    PhotoFeaturePageFactory(
        parent=index, title="96岁了", photos=[CreditedImageFactory(credit="钟良")]
    )
    _, items = rss_items(client, "/feeds/photos.rss")
    assert items[0].findtext("title") == "96岁了"
    assert items[0].findtext("{http://purl.org/dc/elements/1.1/}creator") == "钟良 摄"


def test_policy_and_topic_feeds(client):
    topic = TopicFactory(name="社区减负")
    policies = PolicyIndexPageFactory(parent=home_page())
    policy = PolicyPageFactory(parent=policies, title="城乡社区减负十条")
    policy.topics = [topic]
    policy.save_revision().publish()
    PolicyPageFactory(parent=policies, title="别的政策")
    cases = CaseStudyIndexPageFactory(parent=home_page())
    CaseStudyPageFactory(parent=cases, title="减负案例", themes=[topic])
    CaseStudyPageFactory(parent=cases, title="无关案例")

    _, items = rss_items(client, "/feeds/policies.rss")
    assert {"城乡社区减负十条", "别的政策"} == {i.findtext("title") for i in items}

    channel, items = rss_items(client, f"/feeds/topics/{topic.slug}.rss")
    assert "社区减负" in channel.findtext("title")
    assert [i.findtext("title") for i in items] == ["减负案例", "城乡社区减负十条"]
    assert client.get("/feeds/topics/no-such-topic.rss").status_code == 404


def test_pages_advertise_their_feeds(client):
    index = CaseStudyIndexPageFactory(parent=home_page())
    theme = TopicFactory(name="智慧社区")
    page = CaseStudyPageFactory(parent=index, themes=[theme])
    html = client.get(page.url).content.decode()
    head = html.split("</head>", 1)[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="典型案例（RSS）" '
        'href="/feeds/cases.rss">' in head
    )
    assert 'type="application/atom+xml" title="新闻动态（Atom）" href="/feeds/news.atom"' in head
    topic_feed = reverse("news:feed-topic-rss", args=[theme.slug])
    assert topic_feed.startswith("/feeds/topics/%E6%99%BA") and f'href="{topic_feed}"' in head
    assert client.get(topic_feed).status_code == 200


def test_listing_pages_link_to_their_feeds(client):
    index = NewsIndexPageFactory(parent=home_page())
    html = client.get(index.url).content.decode()
    assert '<a href="/feeds/news.rss" type="application/rss+xml">RSS</a>' in html
    photos = PhotoFeatureIndexPageFactory(parent=home_page())
    assert 'href="/feeds/photos.atom"' in client.get(photos.url).content.decode()
