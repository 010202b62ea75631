"""Routes of the news app outside the page tree: the feeds of news, case studies and topics."""

from django.urls import path

from . import feeds

app_name = "news"

FEEDS = [
    ("news", feeds.NewsFeed, feeds.NewsAtomFeed),
    ("cases", feeds.CaseStudyFeed, feeds.CaseStudyAtomFeed),
]

urlpatterns = [
    route
    for name, rss, atom in FEEDS
    for route in (
        path(f"feeds/{name}.rss", rss(), name=f"feed-{name}-rss"),
        path(f"feeds/{name}.atom", atom(), name=f"feed-{name}-atom"),
    )
] + [
    path("feeds/topics/<str:slug>.rss", feeds.TopicFeed(), name="feed-topic-rss"),
    path("feeds/topics/<str:slug>.atom", feeds.TopicAtomFeed(), name="feed-topic-atom"),
]
