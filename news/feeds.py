"""RSS 2.0 and Atom feeds: news, case studies, and per topic (its policies and case studies).

The policies and photo features serve their own feeds (policies/feeds.py, media/feeds.py)."""

import datetime
from heapq import merge

from django.shortcuts import get_object_or_404
from django.urls import reverse

from listings.feeds import FEED_LENGTH, PageFeed, atom
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
TopicAtomFeed = atom(TopicFeed)
