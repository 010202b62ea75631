"""What the home page lists: newest live content from each section."""

from media.models import PhotoFeaturePage
from news.models import CaseStudyPage, NewsArticlePage
from policies.models import PolicyPage

LATEST_COUNT = 6
HOME_COLLECTIONS = 4


def _latest(model, count=LATEST_COUNT):
    return model.objects.live().public().order_by("-date", "-pk")[:count]


def home_sections(home):
    featured = [
        item.page.specific
        for item in home.featured_policies.select_related("page")
        if item.page.live
    ]
    if not featured:
        featured = list(
            PolicyPage.objects.live().public().order_by("-published_date", "-pk")[:LATEST_COUNT]
        )
    return {
        "latest_news": _latest(NewsArticlePage),
        "latest_cases": _latest(CaseStudyPage),
        "featured_policies": featured,
        "latest_photos": _latest(PhotoFeaturePage, 4).prefetch_related("photos__image"),
        "home_collections": _collections(),
    }


def _collections():
    """(collection, its first items) for each collection the editor shows on the home page."""
    from specials.models import CollectionPage

    pages = CollectionPage.objects.live().public().filter(show_on_home=True).order_by("path")
    return [(page, page.first_items()) for page in pages[:HOME_COLLECTIONS]]
