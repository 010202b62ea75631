"""Routes of the policies app outside the page tree: the feeds of the latest policies."""

from django.urls import path

from . import feeds

app_name = "policies"

urlpatterns = [
    path("feeds/policies.rss", feeds.PolicyFeed(), name="feed-rss"),
    path("feeds/policies.atom", feeds.PolicyAtomFeed(), name="feed-atom"),
]
