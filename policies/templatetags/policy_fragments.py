"""How long a policy page may reuse its rendered body (``{% cache %}`` keyed on the revision)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def fragment_seconds(context, page):
    """Seconds to keep the fragment; 0 (never stored) for previews and pages without a live
    revision, whose content can change without the key changing."""
    request = context.get("request")
    if getattr(request, "is_preview", False) or not getattr(page, "live_revision_id", None):
        return 0
    return getattr(settings, "POLICY_FRAGMENT_SECONDS", 3600)
