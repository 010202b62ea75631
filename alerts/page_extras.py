"""Feed auto-discovery links and "subscribe by email" links for pages that alerts can follow.

Other apps' pages show them through their page-extras slots (``{% page_extras "feeds" … %}`` in
the ``meta`` block, ``{% page_extras "follow" … %}`` in the content); ``wagtail_hooks`` registers
them.
"""

from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html_join


def _follows(village=None, topic=None, authority=None, query="", library=None):
    """(label, feed path without extension, subscribe query) for each thing the page shows."""
    from taxonomy.models import IssuingAuthority, Topic

    if library is not None:
        filters = getattr(library, "filters", {}) or {}
        if not topic and filters.get("topic"):  # no query for an unfiltered library
            topic = Topic.objects.filter(name=filters["topic"]).first()
        if not authority and filters.get("authority"):
            authority = IssuingAuthority.objects.filter(name=filters["authority"]).first()
    found = []
    if village is not None and village.pk:
        found.append(
            (
                f"{village.title}四务公开",
                reverse("alerts:feed-village-rss", args=[village.pk])[: -len(".rss")],
                "",
                {"village": village.pk},
            )
        )
    if topic is not None:
        path = reverse("news:feed-topic-rss", args=[topic.slug])[: -len(".rss")]
        found.append((f"主题：{topic.name}", path, "", {"topic": topic.slug}))
    if authority is not None:
        path = reverse("alerts:feed-authority-rss", args=[authority.pk])[: -len(".rss")]
        found.append((f"发文机关：{authority.name}", path, "", {"authority": authority.pk}))
    query = " ".join(str(query or "").split())[:200]
    if query:
        path = reverse("alerts:feed-search-rss")[: -len(".rss")]
        found.append((f"检索：{query}", path, "?" + urlencode({"q": query}), {"q": query}))
    return found


def alert_feed_links(village=None, topic=None, authority=None, query="", library=None, siwu=False):
    """``<link rel="alternate">`` for the RSS and Atom feeds of what the page shows."""
    links = []
    if siwu:
        links.append(("四务公开", reverse("alerts:feed-siwu-rss")[: -len(".rss")], ""))
    links += [f[:3] for f in _follows(village, topic, authority, query, library)]
    rows = []
    for label, path, params in links:
        rows.append(("application/rss+xml", f"{label}（RSS）", f"{path}.rss{params}"))
        rows.append(("application/atom+xml", f"{label}（Atom）", f"{path}.atom{params}"))
    return format_html_join("\n  ", '<link rel="alternate" type="{}" title="{}" href="{}">', rows)


def alert_subscribe(village=None, topic=None, authority=None, query="", library=None):
    """ "邮件订阅" and "RSS" links for each thing the page shows."""
    items = [
        {
            "label": label,
            "subscribe": reverse("alerts:subscribe") + "?" + urlencode(params),
            "rss": f"{path}.rss{feed_params}",
        }
        for label, path, feed_params, params in _follows(village, topic, authority, query, library)
    ]
    return render_to_string("alerts/includes/subscribe_links.html", {"items": items})


SLOTS = {"feeds": alert_feed_links, "follow": alert_subscribe}
