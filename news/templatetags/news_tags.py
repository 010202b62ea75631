"""Template tags of news pages: feed auto-discovery links."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

register = template.Library()

SECTION_FEEDS = {
    "news": "新闻动态",
    "cases": "典型案例",
    "photos": "图片报道",
    "policies": "最新政策",
}
PAGE_SECTIONS = {
    "newsarticlepage": "news",
    "newsindexpage": "news",
    "casestudypage": "cases",
    "casestudyindexpage": "cases",
    "photofeaturepage": "photos",
    "photofeatureindexpage": "photos",
    "policypage": "policies",
    "policyindexpage": "policies",
}


def _links(name, title, args=()):
    return [
        ("application/rss+xml", f"{title}（RSS）", reverse(f"news:feed-{name}-rss", args=args)),
        ("application/atom+xml", f"{title}（Atom）", reverse(f"news:feed-{name}-atom", args=args)),
    ]


@register.simple_tag
def feed_links(page=None):
    """<link rel="alternate"> tags for the page's own section first, then the site-wide feeds,
    and one per topic of a case study or policy."""
    model = page.specific_class._meta.model_name if page is not None else ""
    own = PAGE_SECTIONS.get(model)
    order = [own] if own else []
    order += [name for name in ("news", "policies") if name not in order]
    links = []
    for name in order:
        links += _links(name, SECTION_FEEDS[name])
    specific = page.specific if page is not None else None
    for topic in _topics(specific):
        links += _links("topic", f"主题：{topic.name}", args=[topic.slug])
    return (
        format_html_join(
            "\n  ",
            '<link rel="alternate" type="{}" title="{}" href="{}">',
            links,
        )
        if links
        else format_html("")
    )


def _topics(page):
    """The page's topics: those it already fetched for its meta tags (``shown_topics``) when it
    has them, else its themes or topics."""
    shown = getattr(page, "shown_topics", None)
    if shown is not None:
        return shown
    topics = getattr(page, "themes", None) or getattr(page, "topics", None)
    return topics.all() if topics is not None else []


@register.filter
def page_query(listing, number):
    """The query string for page `number` of a filtered listing."""
    return listing.page_query(number)
