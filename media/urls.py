"""Routes of the media app outside the page tree."""

from django.urls import path

from . import feeds, views

app_name = "media"

urlpatterns = [
    path("photographers/<id:pk>/", views.photographer, name="photographer"),
    # Older links by name (names without "/") lead to the same page.
    path("photographers/<str:name>/", views.photographer_by_name, name="photographer_by_name"),
    path("feeds/photos.rss", feeds.PhotoFeatureFeed(), name="feed-rss"),
    path("feeds/photos.atom", feeds.PhotoFeatureAtomFeed(), name="feed-atom"),
]
