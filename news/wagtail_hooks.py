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
