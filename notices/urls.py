from django.urls import path

from . import feeds, views

app_name = "notices"

urlpatterns = [
    path("gongshi/<int:pk>/yiyi/", views.objection, name="objection"),
    path("gongshi/<int:pk>/zhangtie/", views.sheet, name="sheet"),
    path("gongshi/<int:pk>/qr.svg", views.qr, name="qr"),
    path("gongshi/g/<int:pk>/", views.short, name="short"),
    path("gongshi/chaxun/", views.lookup, name="lookup"),
    path("gongshi/feed.xml", feeds.NoticeFeed(), name="feed-notices"),
    path("zhengji/<int:pk>/yijian/", views.comment, name="comment"),
    path("zhengji/feed.xml", feeds.ConsultationFeed(), name="feed-consultations"),
]
