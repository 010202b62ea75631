"""Public routes under /zhengwu/ (政务公开)."""

from django.urls import path

from . import views

app_name = "govinfo"

urlpatterns = [
    path("zhengwu/zhinan/", views.guide, name="guide"),
    path("zhengwu/mulu/", views.catalogue, name="catalogue"),
    path("zhengwu/jigou/", views.bodies, name="bodies"),
    path("zhengwu/lingdao/", views.leaders, name="leaders"),
    path("zhengwu/banshi/", views.services, name="services"),
    path("zhengwu/banshi/<int:pk>/", views.service, name="service"),
    path("zhengwu/wangzhan-nianbao/", views.website_report, name="website_report"),
    path("zhengwu/wangzhan-nianbao/<int:year>/", views.website_report, name="website_report_year"),
    path("zhengwu/wangzhan-nianbao/lishi/", views.website_reports, name="website_reports"),
]
