"""The news app's sections of the home page."""

from wagtail import hooks

from news.models import CaseStudyPage, NewsArticlePage

HOME_COUNT = 6


@hooks.register("register_home_sections")
def latest_news_and_cases(home):
    def latest(model):
        pages = model.objects.live().public().defer_streamfields()  # teasers: title and date
        return pages.order_by("-date", "-pk")[:HOME_COUNT]

    return {"latest_news": latest(NewsArticlePage), "latest_cases": latest(CaseStudyPage)}


@hooks.register("gongkai_pages_about_village")
def pages_about_village(village):
    """The live news articles and case studies that chose this village."""
    from .models import articles_about

    return articles_about(village)


@hooks.register("register_section_feeds")
def section_feeds():
    """The feeds news/urls.py serves: news, case studies, topics."""
    return [
        {"name": "news", "title": "新闻动态", "url": "news:feed-news", "site_wide": 1,
         "pages": ("newsarticlepage", "newsindexpage")},
        {"name": "cases", "title": "典型案例", "url": "news:feed-cases",
         "pages": ("casestudypage", "casestudyindexpage")},
        {"name": "topic", "title": "主题", "url": "news:feed-topic", "per_topic": True},
    ]  # fmt: skip


@hooks.register("register_collection_sources")
def collection_sources():
    """News and case studies, for 专题 collections (the specials app)."""
    return [
        {"key": "news", "label": "新闻", "model": NewsArticlePage, "order": 30,
         "date_fields": ("date",), "region": "region__name", "tags": "tags__name",
         "listing_relations": ("region",)},
        {"key": "case_study", "label": "典型案例", "model": CaseStudyPage, "order": 40,
         "date_fields": ("date",), "topics": "themes", "region": "region__name",
         "tags": "tags__name", "listing_relations": ("region",)},
    ]  # fmt: skip
