"""Public routes of the way in: the hub, the HTML site map, open data, 纠错."""

from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("gongkai-hudong/", views.hub, name="hub"),
    path("wangzhan-ditu/", views.site_map, name="sitemap"),
    path("kaifang-shuju/", views.open_data, name="open_data"),
    path("jiucuo/", views.correction, name="correction"),
    path("jiucuo/yishoudao/", views.correction_received, name="correction_received"),
]
