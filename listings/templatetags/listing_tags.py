"""Template tags of listing pages: feed auto-discovery links and the pager's query string.

An app that serves section feeds registers them with the Wagtail hook
``register_section_feeds``: a function without arguments returning a list of
``{"name", "title", "url", "pages", "site_wide", "per_topic"}``, where ``url`` is the route name
without its ``-rss``/``-atom`` ending, ``pages`` the model names of the pages whose own section it
is, ``site_wide`` the place among the feeds every page links (or ``None``), and ``per_topic`` true
for a feed of one topic (its route takes the topic's slug).
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks

HOOK = "register_section_feeds"

register = template.Library()


def section_feeds():
    """Every registered section feed, in hook order."""
    return [feed for hook in hooks.get_hooks(HOOK) for feed in hook()]


def _links(feed, title, args=()):
    return [
        ("application/rss+xml", f"{title}（RSS）", reverse(f"{feed['url']}-rss", args=args)),
        ("application/atom+xml", f"{title}（Atom）", reverse(f"{feed['url']}-atom", args=args)),
    ]


def _ordered(feeds, model):
    """The page's own section first, then the site-wide feeds in their places."""
    own = [feed for feed in feeds if model in feed.get("pages", ())][:1]
    wide = [f for f in feeds if f.get("site_wide") is not None and f not in own]
    return own + sorted(wide, key=lambda f: f["site_wide"])


@register.simple_tag
def feed_links(page=None):
    """<link rel="alternate"> tags for the page's own section first, then the site-wide feeds,
    and one per topic of a case study or policy."""
    model = page.specific_class._meta.model_name if page is not None else ""
    feeds = section_feeds()
    links = []
    for feed in _ordered(feeds, model):
        links += _links(feed, feed["title"])
    specific = page.specific if page is not None else None
    per_topic = [feed for feed in feeds if feed.get("per_topic")]
    for topic in _topics(specific):
        for feed in per_topic:
            links += _links(feed, f"{feed['title']}：{topic.name}", args=[topic.slug])
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
