"""RSS 2.0 and Atom feeds of one collection: its items in the collection's own order."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed

from listings.feeds import FEED_LENGTH, atom, published_at
from siteidentity.models import SiteIdentity

from .models import CollectionPage


class CollectionFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, pk):
        self.site_name = SiteIdentity.for_request(request).name
        page = CollectionPage.objects.live().public().filter(pk=pk).first()
        if page is None:
            raise Http404("没有这个专题。")
        return page

    def title(self, page):
        return f"{self.site_name} · 专题：{page.title}"

    def link(self, page):
        return page.url or "/"

    def description(self, page):
        return page.intro or f"专题“{page.title}”收录的内容"

    def feed_url(self):
        return None  # Django derives the self link from the request

    def items(self, page):
        return page.first_items(FEED_LENGTH)

    def item_title(self, item):
        return item.page.title

    def item_link(self, item):
        return item.page.url

    def item_guid(self, item):
        return item.page.full_url or item.page.url

    def item_description(self, item):
        page = item.page
        for name in ("summary", "teaser", "search_description", "text"):
            value = getattr(page, name, "")
            if isinstance(value, str) and value.strip():
                return value
        return ""

    def item_pubdate(self, item):
        return published_at(item.page, item.date)

    def item_updateddate(self, item):
        return item.page.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.label]


CollectionAtomFeed = atom(CollectionFeed)
