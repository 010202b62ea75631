"""A slot on a page that other apps fill: ``{% page_extras "slot" name=value … %}``.

A page's template names the slot and what the page shows (``page=page``, ``village=page``,
``query=q``…); each app that adds something there registers the Wagtail hook
``register_page_extras``: a function without arguments returning ``{slot: render}``, where
``render(**values)`` returns safe HTML or an empty string. The page's app names none of the apps
that fill its slots, and loads no tag library of theirs; a slot whose apps are not installed
renders nothing.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

HOOK = "register_page_extras"

register = template.Library()


def renderers(slot):
    """The functions registered for ``slot``, in hook order."""
    return [found[slot] for hook in hooks.get_hooks(HOOK) if slot in (found := hook())]


@register.simple_tag
def page_extras(slot, **values):
    """What the registered apps add to ``slot`` for these values, one after the other."""
    parts = [conditional_escape(render(**values)) for render in renderers(slot)]
    return mark_safe("\n  ".join(part for part in parts if part))  # noqa: S308 (each part escaped)
