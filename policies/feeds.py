"""RSS 2.0 and Atom feeds of the latest policies (``/feeds/policies.rss``, ``.atom``)."""

from django.db.models import F

from listings.feeds import FEED_LENGTH, PageFeed, atom, published_at

from .models import PolicyPage


class PolicyFeed(PageFeed):
    section = "最新政策"
    description = "政策文件库中最新发布的政策文件"
    index_slug = "policies"
    model = PolicyPage

    def items(self):
        return (
            PolicyPage.objects.live()
            .public()
            .order_by(
                F("published_date").desc(nulls_last=True),
                F("first_published_at").desc(nulls_last=True),
                "-pk",
            )[:FEED_LENGTH]
        )

    def item_description(self, item):
        return item.summary or item.search_description

    def item_pubdate(self, item):
        return published_at(item, item.date)

    def item_author_name(self, item):
        return "、".join(a.name for a in item.issuing_authorities.all()) or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


PolicyAtomFeed = atom(PolicyFeed)
