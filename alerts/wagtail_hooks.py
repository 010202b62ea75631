"""What alerts adds to other apps' pages: feed links and subscribe links (page-extras slots)."""

from wagtail import hooks

from .page_extras import SLOTS


@hooks.register("register_page_extras")
def alert_page_extras():
    return SLOTS
