"""How long and on what a page may reuse its rendered fragments (``{% cache %}``)."""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.template import TemplateSyntaxError
from django.templatetags.cache import CacheNode

from editorial.memo import MISSING, Memo
from listings.fragments import cacheable, fragment_revision, request_stamp

register = template.Library()


@register.simple_tag(takes_context=True)
def fragment_seconds(context, page):
    """Seconds to keep the fragment; 0 (never stored) for previews and pages without a live
    revision."""
    if not cacheable(context.get("request"), page):
        return 0
    return getattr(settings, "FRAGMENT_SECONDS", 3600)


@register.simple_tag(takes_context=True)
def fragment_stamp(context):
    """What every fragment key carries besides the page's revision (code version, publish
    generation, today)."""
    return request_stamp(context.get("request"))


@register.simple_tag
def page_revision(page):
    """What a fragment of ``page`` keys on for the page's own content (its live revision)."""
    return fragment_revision(page)


# Every fragment key names the code version and publish generation (fragment_stamp) and the
# page's revision, so a process may keep what it read from the shared cache (editorial.memo).
KEPT = Memo(size=256)


class FragmentNode(CacheNode):
    """Django's ``{% cache %}``, except that 0 seconds renders without touching the cache
    (``{% cache 0 … %}`` still reads it and writes an expired entry each time), and that each
    process keeps the fragments it has read or rendered (KEPT) in front of the shared cache."""

    def render(self, context):
        seconds = self.expire_time_var.resolve(context)
        if not seconds:
            return self.nodelist.render(context)
        vary_on = [var.resolve(context) for var in self.vary_on]
        key = make_template_fragment_key(self.fragment_name, vary_on)
        value = KEPT.get(key)
        if value is MISSING:
            shared = caches["default"]
            value = shared.get(key)
            if value is None:
                value = self.nodelist.render(context)
                shared.set(key, value, int(seconds))
            KEPT.set(key, value, int(seconds))
        return value


@register.tag("fragment")
def do_fragment(parser, token):
    """``{% fragment seconds name key… %}…{% endfragment %}``, as ``{% cache %}``."""
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 3:
        raise TemplateSyntaxError(f"'{tokens[0]}' tag requires at least 2 arguments.")
    vary_on = [parser.compile_filter(t) for t in tokens[3:]]
    return FragmentNode(nodelist, parser.compile_filter(tokens[1]), tokens[2], vary_on, None)
