"""Template tags of collection pages: feed discovery links and criterion labels."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from specials.sources import FACT_LABELS
from specials.validation import REFERENCES

register = template.Library()


@register.simple_tag
def collection_feed_links(page):
    """<link rel="alternate"> tags for one collection's RSS and Atom feeds."""
    links = (
        [
            (
                "application/rss+xml",
                f"专题：{page.title}（RSS）",
                reverse("specials:feed-rss", args=[page.pk]),
            ),
            (
                "application/atom+xml",
                f"专题：{page.title}（Atom）",
                reverse("specials:feed-atom", args=[page.pk]),
            ),
        ]
        if page.pk
        else []
    )
    if not links:
        return format_html("")
    return format_html_join("\n  ", '<link rel="alternate" type="{}" title="{}" href="{}">', links)


@register.simple_tag
def missing_label(field_name):
    fact = REFERENCES.get(field_name, (None,))[0]
    return FACT_LABELS.get(fact, field_name)
