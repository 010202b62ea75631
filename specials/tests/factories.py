"""Factories for collection pages and the content they gather."""

import datetime
import itertools

import factory
import wagtail_factories

from importing.pages import ensure_index, home_page
from specials.models import CollectionIndexPage, CollectionPage, CollectionPin

_slugs = itertools.count(1)


def special_index():
    return ensure_index(CollectionIndexPage, "zhuanti", "专题专栏")


class CollectionPageFactory(wagtail_factories.PageFactory):
    """An unsaved-by-default criteria page; use ``make_collection`` for a published one."""

    class Meta:
        model = CollectionPage

    title = factory.Sequence(lambda n: f"专题{n}")
    slug = factory.Sequence(lambda n: f"zhuanti-{n}")
    intro = "示例专题"
    page_size = 20


def make_collection(parent=None, pins=(), live=True, **fields):
    """A collection below ``parent`` (the home page by default), published unless live=False."""
    fields.setdefault("title", f"专题{next(_slugs)}")
    fields.setdefault("slug", f"zhuanti-{next(_slugs)}")
    page = CollectionPage(live=False, **fields)
    (parent or home_page()).add_child(instance=page)
    page.pins = [CollectionPin(page=p) for p in pins]
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def day(year, month=1, date=1):
    return datetime.date(year, month, date)
