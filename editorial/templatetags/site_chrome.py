"""Template tags for the parts of every public page: navigation and dates."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The live menu pages directly below the home page of the current site."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site.root_page.get_children().live().in_menu().public()


@register.filter
def cn_date(value):
    """2021年11月21日"""
    if not value:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
