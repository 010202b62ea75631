"""Template tags for the parts of every public page: navigation and dates."""

from django import template
from wagtail.models import Site

from editorial.memo import MISSING, Memo

register = template.Library()
MENUS = Memo(size=32)
MENU_SECONDS = 3600


@register.simple_tag(takes_context=True)
def site_menu(context, stamp=""):
    """The live menu pages directly below the home page of the current site.

    ``stamp``, when given, changes whenever a page is published, moved, deleted or its view
    restrictions change (listings.fragments.request_stamp): the process keeps the menu under it.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    if not stamp:
        return list(_menu_pages(site))
    key = (stamp, site.pk, site.root_page_id)
    menu = MENUS.get(key)
    if menu is MISSING:
        menu = list(_menu_pages(site))
        MENUS.set(key, menu, MENU_SECONDS)
    return menu


def _menu_pages(site):
    return site.root_page.get_children().live().in_menu().public()


@register.filter
def cn_date(value):
    """2021年11月21日"""
    if not value:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
