"""Feeds are discoverable from the home page and the policy library, not only from news pages."""

import pytest
from django.core.management import call_command

from importing.pages import lookup
from tests.moduledb import module_rows
from tests.test_demo_content import DEMO_FILES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def imported_demo(django_db_setup, django_db_blocker):
    """The demo imported once for the module (tests.moduledb); each test's changes roll back."""
    with module_rows(django_db_blocker):
        call_command("import_content", *map(str, DEMO_FILES))
        yield


@pytest.fixture
def demo(imported_demo, db):
    return None


def alternate_links(client, url):
    html = client.get(url).content.decode()
    return [line for line in html.splitlines() if 'rel="alternate"' in line]


def test_home_page_advertises_the_news_and_policy_feeds(client, demo):
    links = "\n".join(alternate_links(client, "/"))
    assert "/feeds/news.rss" in links and "/feeds/policies.rss" in links


def test_policy_page_advertises_its_topic_feeds(client, demo):
    policy = lookup("policy-chengdu-30")
    topic = policy.topics.first()
    links = "\n".join(alternate_links(client, policy.url))
    assert "/feeds/policies.rss" in links
    assert topic is not None and f"主题：{topic.name}" in links
