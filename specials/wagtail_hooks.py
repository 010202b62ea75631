"""Admin integration: collections in the site self-check."""

import datetime

from wagtail import hooks
from wagtail.models import Site

from .inspection import collection_findings
from .models import CollectionPage

HOME_COLLECTIONS = 4


@hooks.register("gongkai_inspection_findings")
def specials_inspection_findings(*args, **kwargs):
    """Empty and stale collections. The report calls ``fn(site, today)``; both are optional."""
    site = kwargs.get("site") or next((a for a in args if isinstance(a, Site)), None)
    today = kwargs.get("today") or next(
        (a for a in args if isinstance(a, datetime.date) and not isinstance(a, datetime.datetime)),
        None,
    )
    return collection_findings(site=site, today=today)


@hooks.register("register_home_sections")
def home_collections(home):
    """(collection, its first items) for each collection the editor shows on the home page."""
    pages = CollectionPage.objects.live().public().filter(show_on_home=True).order_by("path")
    return {"home_collections": [(page, page.first_items()) for page in pages[:HOME_COLLECTIONS]]}
