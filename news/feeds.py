"""RSS 2.0 and Atom feeds: news, case studies, photo features, latest policies, per topic."""

import datetime
from heapq import merge

from django.db.models import F
from django.shortcuts import get_object_or_404
from django.urls import reverse

from listings.feeds import FEED_LENGTH, PageFeed, atom, published_at
from policies.models import PolicyPage
from taxonomy.models import Topic


class NewsFeed(PageFeed):
    section = "新闻动态"
    description = "城乡社区治理新闻"
    index_slug = "news"

    @property
    def model(self):
        from news.models import NewsArticlePage

        return NewsArticlePage


class CaseStudyFeed(PageFeed):
    section = "典型案例"
    description = "各地城乡社区治理的典型案例"
    index_slug = "cases"

    @property
    def model(self):
        from news.models import CaseStudyPage

        return CaseStudyPage


class PhotoFeatureFeed(PageFeed):
    section = "图片报道"
    description = "图片报道，均注明摄影者"
    index_slug = "photos"

    @property
    def model(self):
        from media.models import PhotoFeaturePage

        return PhotoFeaturePage

    def item_author_name(self, item):
        names = item.photographers()
        return "、".join(f"{name} 摄" for name in names) or None


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


class TopicFeed(PageFeed):
    """Policies and case studies filed under one topic."""

    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return f"主题：{topic.name}"

    def link(self, topic):
        return reverse("news:feed-topic-rss", args=[topic.slug])

    def description(self, topic):
        return f"主题“{topic.name}”下的政策文件和典型案例"

    def items(self, topic):
        from news.models import CaseStudyPage

        policies = PolicyPage.objects.live().public().filter(topics=topic)
        cases = CaseStudyPage.objects.live().public().filter(themes=topic)
        newest_first = merge(
            sorted(policies, key=self._sort_key, reverse=True),
            sorted(cases, key=self._sort_key, reverse=True),
            key=self._sort_key,
            reverse=True,
        )
        return list(newest_first)[:FEED_LENGTH]

    @staticmethod
    def _sort_key(page):
        return (page.date or datetime.date.min, page.pk)

    def item_description(self, item):
        return getattr(item, "summary", "") or getattr(item, "teaser", "") or ""

    def item_categories(self, item):
        if isinstance(item, PolicyPage):
            return ["政策文件", *[t.name for t in item.topics.all()]]
        return ["典型案例", *[t.name for t in item.themes.all()]]

    def item_author_name(self, item):
        if isinstance(item, PolicyPage):
            return "、".join(a.name for a in item.issuing_authorities.all()) or None
        return item.author or None


NewsAtomFeed = atom(NewsFeed)
CaseStudyAtomFeed = atom(CaseStudyFeed)
PhotoFeatureAtomFeed = atom(PhotoFeatureFeed)
PolicyAtomFeed = atom(PolicyFeed)
TopicAtomFeed = atom(TopicFeed)
