"""What every page feed of the site shares: the feed base class, publication times, Atom.

Used by the news, specials and alerts feeds; each feed names its own model and items.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 30


def published_at(page, day):
    """The moment to report for a page dated `day`: its first publication if that was on the
    same day (Asia/Shanghai), otherwise midnight of that day."""
    first = page.first_published_at
    if first and day and timezone.localtime(first).date() == day:
        return first
    if day:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return first


class PageFeed(Feed):
    """A feed of live, public pages of one model, newest first."""

    feed_type = Rss201rev2Feed
    model = None
    section = ""
    description = ""
    index_slug = ""

    def title(self):
        return self.section

    def get_feed(self, obj, request):
        """Every feed's title starts with the site's name from its 网站标识 setting."""
        from siteidentity.models import SiteIdentity

        feed = super().get_feed(obj, request)
        feed.feed["title"] = f"{SiteIdentity.for_request(request).name} · {feed.feed['title']}"
        return feed

    def link(self):
        return f"/{self.index_slug}/" if self.index_slug else "/"

    def feed_url(self):
        return None  # Django derives the self link from the request

    def items(self):
        return self.model.objects.live().public().order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.full_url or item.url

    def item_description(self, item):
        return getattr(item, "teaser", "") or item.search_description

    def item_pubdate(self, item):
        return published_at(item, item.date)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return getattr(item, "author", "") or None

    def item_categories(self, item):
        names = [tag.name for tag in item.tags.all()] if hasattr(item, "tags") else []
        if hasattr(item, "themes"):
            names = [topic.name for topic in item.themes.all()] + names
        return names


def atom(feed_class):
    """The Atom variant of an RSS feed class."""
    return type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": Atom1Feed})
