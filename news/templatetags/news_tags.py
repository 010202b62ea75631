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
    topics = getattr(specific, "themes", None) or getattr(specific, "topics", None)
    if topics is not None:
        for topic in topics.all():
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


@register.filter
def page_query(listing, number):
    """The query string for page `number` of a filtered listing."""
    return listing.page_query(number)
