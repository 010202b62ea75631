"""{% page_meta %}: canonical link, Open Graph and JSON-LD for the page being shown."""

import hashlib
import re
from urllib.parse import unquote

from django import template
from django.conf import settings
from django.core.cache import cache

from siteidentity.govmeta import article_facts
from siteidentity.seo import description, json_ld, schema_type, share_image, structured_data

register = template.Library()

_WORD_SPLIT = re.compile(r"[\s_\-+.,;:]+")
OG_ARTICLE_TYPES = {"NewsArticle", "Article", "Report", "ImageGallery", "Legislation"}


def _iso(value):
    return value.isoformat() if value else ""


@register.inclusion_tag("siteidentity/includes/page_meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    page = context.get("page")
    reader = context.get("reader")
    from siteidentity.models import SiteIdentity

    identity = SiteIdentity.for_request(request) if request is not None else SiteIdentity()
    meta = {
        "site_name": identity.name,
        "locale": ("zh_HK" if reader.script == "hk" else "zh_TW")
        if reader is not None and reader.hant
        else "zh_CN",
    }
    if request is None or page is None or not hasattr(page, "get_full_url"):
        return meta
    canonical = page.get_full_url(request)
    image = share_image(page, request)
    kind = schema_type(page)
    meta.update(
        {
            "page": page,
            "canonical": canonical,
            "title": page.seo_title or page.title,
            "description": description(page),
            "og_type": "article" if kind in OG_ARTICLE_TYPES else "website",
            "published": _iso(published_on(page)),
            "modified": _iso(page.last_published_at),
            "image": image,
            "json_ld": _json_ld(page, request, canonical, image),
        }
    )
    return meta


def _json_ld(page, request, canonical, image):
    """The JSON-LD text, kept in the cache when the page names a key for it."""
    key_for = getattr(page, "json_ld_cache_key", None)
    key = key_for(request) if callable(key_for) else None
    if key is None:
        return json_ld(structured_data(page, request, canonical, image))
    key += ":" + hashlib.sha256(f"{canonical}|{image}".encode()).hexdigest()[:16]
    text = cache.get(key)
    if text is None:
        text = json_ld(structured_data(page, request, canonical, image))
        cache.set(key, text, getattr(settings, "FRAGMENT_SECONDS", 3600))
    return text


def published_on(page):
    """The publication date an article declares (None when unknown, never the import day)."""
    facts = article_facts(page)
    if facts is not None:
        return facts.get("pub_date")
    return getattr(page, "date", None) or page.first_published_at


@register.simple_tag(takes_context=True)
def not_found_query(context):
    """Words from a missing page's address as a first search: /news/社区-治理/ → 社区 治理."""
    request = context.get("request")
    if request is None:
        return ""
    segments = [s for s in unquote(request.path).split("/") if s]
    if not segments:
        return ""
    words = _WORD_SPLIT.split(segments[-1].rsplit(".", 1)[0])
    return " ".join(w for w in words if w and not w.isdigit())[:50]
