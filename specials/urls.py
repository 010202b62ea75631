"""Routes of the specials app outside the page tree: each collection's feeds."""

from django.urls import re_path

from . import feeds

app_name = "specials"

# Ids are at most nine ASCII digits, so a 20-digit id is a 404, not a database overflow.
urlpatterns = [
    re_path(r"^feeds/specials/(?P<pk>[0-9]{1,9})\.rss$", feeds.CollectionFeed(), name="feed-rss"),
    re_path(
        r"^feeds/specials/(?P<pk>[0-9]{1,9})\.atom$", feeds.CollectionAtomFeed(), name="feed-atom"
    ),
]
