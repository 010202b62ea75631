"""Routes of the specials app outside the page tree: each collection's feeds."""

from django.urls import path

from . import feeds

app_name = "specials"

# <id:…> (listings): ASCII digits within a database key, so a 20-digit id is a 404.
urlpatterns = [
    path("feeds/specials/<id:pk>.rss", feeds.CollectionFeed(), name="feed-rss"),
    path("feeds/specials/<id:pk>.atom", feeds.CollectionAtomFeed(), name="feed-atom"),
]
