"""Canonical URL, Open Graph tags and schema.org JSON-LD for any page, read from its attributes.

Each page model names its schema.org type in a ``schema_org_type`` attribute (``WebPage`` when it
names none); the properties come from fields most pages share (``date``, ``author``,
``source_url``, ``summary``, ``first_photo`` …). A model may add or override properties with a
``structured_data(request)`` method returning a dict.
"""

import html
import json
import logging

from django.utils.html import strip_tags
from django.utils.text import Truncator

from siteidentity.addresses import absolute_url

logger = logging.getLogger(__name__)

ARTICLE_TYPES = {"NewsArticle", "Article", "Report", "ImageGallery"}
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "text")
DESCRIPTION_LENGTH = 120


def schema_type(page):
    return getattr(page, "schema_org_type", None) or "WebPage"


def _first_text(value):
    if isinstance(value, str):
        return html.unescape(strip_tags(value)).strip()  # the template escapes it once
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            text = _first_text(item)
            if text:
                return text
    return ""


def description(page):
    """A one-paragraph description: the editor's own, else the start of the content."""
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return Truncator(" ".join(value.split())).chars(DESCRIPTION_LENGTH)
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None)
    text = _first_text([block.get("value") for block in raw]) if raw else ""
    if not text and isinstance(body, str):  # a rich-text body
        text = _first_text(body)
    if text:
        return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)
    return ""


def share_image(page, request):
    """Absolute URL of a 1200×630 rendition of the page's first photo, if it has one."""
    image = None
    for name in ("first_photo", "lead_image", "image"):
        image = image or getattr(page, name, None)
    if image is None or not hasattr(image, "get_rendition"):
        return None
    try:
        rendition = image.get_rendition("fill-1200x630")
    except Exception:  # missing or unreadable original: share without a picture
        logger.warning("分享图生成失败：%s", image.pk, exc_info=True)
        return None
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(image, "alt_text", "") or image.title,
    }


def _iso(value):
    return value.isoformat() if value else None


def _publisher(request):
    """The site's 主办单位 (from its 网站标识 setting) as the publishing organisation."""
    from siteidentity.models import SiteIdentity

    identity = SiteIdentity.for_request(request) if request is not None else SiteIdentity()
    kind = "GovernmentOrganization" if identity.sponsor else "Organization"
    return {"@type": kind, "name": identity.publisher}


def _article_data(page, data, request):
    data["headline"] = Truncator(page.title).chars(110)
    data["datePublished"] = _iso(getattr(page, "date", None) or page.first_published_at)
    data["dateModified"] = _iso(page.last_published_at)
    if getattr(page, "author", ""):
        data["author"] = [{"@type": "Person", "name": page.author}]
    if getattr(page, "source", ""):
        data["sourceOrganization"] = {"@type": "Organization", "name": page.source}
    if getattr(page, "source_url", ""):
        data["isBasedOn"] = page.source_url
    data["publisher"] = _publisher(request)
    data["mainEntityOfPage"] = data["url"]


def _breadcrumb(page, request):
    items = [*page.get_ancestors().filter(depth__gt=1), page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": n,
                "name": item.title,
                "item": item.get_full_url(request),
            }
            for n, item in enumerate(items, start=1)
        ],
    }


def structured_data(page, request, canonical, image=None):
    """The JSON-LD graph (a dict) for a page."""
    kind = schema_type(page)
    data = {
        "@type": kind,
        "@id": canonical,
        "url": canonical,
        "name": page.seo_title or page.title,
        "inLanguage": "zh-Hans",
        "description": description(page) or None,
    }
    if kind == "WebSite":
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": absolute_url("/search/") + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        }
        data["publisher"] = _publisher(request)
    if kind in ARTICLE_TYPES:
        _article_data(page, data, request)
    if image:
        data["image"] = {"@type": "ImageObject", "url": image["url"], "caption": image["alt"]}
    custom = getattr(page, "structured_data", None)
    if callable(custom):
        data.update(custom(request))
    graph = [{k: v for k, v in data.items() if v not in (None, "", [])}]
    if page.depth > 2:
        graph.append(_breadcrumb(page, request))
    return {"@context": "https://schema.org", "@graph": graph}


def json_ld(data):
    """JSON text safe inside <script type="application/ld+json"> (as Django's json_script)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
