"""How long and on what a page may reuse its rendered fragments (``{% cache %}``)."""

from django import template
from django.conf import settings
from django.template import TemplateSyntaxError
from django.templatetags.cache import CacheNode

from listings.fragments import cacheable, request_stamp

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


class FragmentNode(CacheNode):
    """Django's ``{% cache %}``, except that 0 seconds renders without touching the cache
    (``{% cache 0 … %}`` still reads it and writes an expired entry each time)."""

    def render(self, context):
        if not self.expire_time_var.resolve(context):
            return self.nodelist.render(context)
        return super().render(context)


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
