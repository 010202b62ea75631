"""Routes of the alerts app: subscribing by email, and the feeds that carry the same items."""

from django.urls import path

from . import feeds, views

app_name = "alerts"

urlpatterns = [
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/sent/", views.sent, name="sent"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("alerts/unsubscribe-all/<str:token>/", views.unsubscribe_all, name="unsubscribe-all"),
    path("feeds/siwu.rss", feeds.DisclosureFeed(), name="feed-siwu-rss"),
    path("feeds/siwu.atom", feeds.DisclosureAtomFeed(), name="feed-siwu-atom"),
    path("feeds/siwu/<id:pk>.rss", feeds.VillageFeed(), name="feed-village-rss"),
    path("feeds/siwu/<id:pk>.atom", feeds.VillageAtomFeed(), name="feed-village-atom"),
    path("feeds/authorities/<id:pk>.rss", feeds.AuthorityFeed(), name="feed-authority-rss"),
    path("feeds/authorities/<id:pk>.atom", feeds.AuthorityAtomFeed(), name="feed-authority-atom"),
    path("feeds/search.rss", feeds.SearchFeed(), name="feed-search-rss"),
    path("feeds/search.atom", feeds.SearchAtomFeed(), name="feed-search-atom"),
]
