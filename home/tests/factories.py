"""The home page, and how every app's factories publish pages below it.

Page factories (wagtail-factories) take ``parent=``; with ``publish=True`` the page is published
through a revision, as an editor would (signals, ``first_published_at``, page cache, index).
"""

import datetime
import itertools

from home.models import HomePage

DAY = datetime.date(2024, 5, 1)  # the date pages built for cross-app tests carry
_numbers = itertools.count(1)


def ascii_slug(prefix):
    """A fresh ASCII slug (``news-7``) for pages whose address tests read."""
    return f"{prefix}-{next(_numbers)}"


def home_page():
    return HomePage.objects.get()


def publish_revision(page, create, extracted, **kwargs):
    """``post_generation`` hook of the page factories: ``publish=True`` publishes a revision."""
    if create and extracted:
        page.save_revision().publish()
        page.refresh_from_db()


def section(factory_class, slug, title, **fields):
    """The published listing page with this slug below home, created the first time."""
    existing = factory_class._meta.model.objects.filter(slug=slug).first()
    if existing:
        return existing
    return factory_class(
        parent=home_page(), slug=slug, title=title, show_in_menus=True, publish=True, **fields
    )
