"""How long and on what a policy page may reuse its rendered fragments (``{% cache %}``)."""

from django import template
from django.conf import settings

from listings.fragments import cacheable, request_stamp

register = template.Library()


@register.simple_tag(takes_context=True)
def fragment_seconds(context, page):
    """Seconds to keep the fragment; 0 (never stored) for previews and pages without a live
    revision."""
    if not cacheable(context.get("request"), page):
        return 0
    return getattr(settings, "POLICY_FRAGMENT_SECONDS", 3600)


@register.simple_tag(takes_context=True)
def fragment_stamp(context):
    """What every fragment key carries besides the page's revision (code version, publish
    generation, today)."""
    return request_stamp(context.get("request"))
