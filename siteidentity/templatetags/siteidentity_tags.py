"""{% gov_meta %} (the 发展指引 meta tags) and {% site_identity %} for any template."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html_join

from siteidentity.addresses import base_url
from siteidentity.govmeta import gov_meta_tags
from siteidentity.models import SiteIdentity
from siteidentity.seo import description, share_image

register = template.Library()


def identity_for(request):
    if request is None:
        return SiteIdentity()
    cached = getattr(request, "_site_identity", None)
    if cached is None:
        cached = SiteIdentity.for_request(request)
        request._site_identity = cached
    return cached


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The current site's SiteIdentity (unsaved defaults when there is no request)."""
    return identity_for(context.get("request"))


@register.simple_tag(takes_context=True)
def gov_meta(context):
    request = context.get("request")
    page = context.get("page")
    if page is not None and not hasattr(page, "get_full_url"):
        page = None
    identity = identity_for(request)
    # The configured address, never the Host header a reader sent (it may carry any port, and
    # the page may be stored in the page cache for every reader).
    domain = urlsplit(base_url()).netloc
    url = ""
    text = ""
    image = ""
    if page is not None and request is not None:
        url = page.get_full_url(request) or ""
        text = description(page)
        picture = share_image(page, request)
        image = picture["url"] if picture else ""
    elif request is not None:
        url = request.build_absolute_uri(request.path)
    tags = gov_meta_tags(
        identity,
        domain,
        page=page,
        column=context.get("gov_column"),
        url=url,
        description=text,
        image=image,
    )
    return format_html_join("\n  ", '<meta name="{}" content="{}">', tags)


@register.simple_tag(takes_context=True)
def report_error_url(context):
    """我要纠错 for the page being shown."""
    request = context.get("request")
    identity = identity_for(request)
    page_url = request.build_absolute_uri(request.path) if request is not None else ""
    return identity.report_url(page_url)
