"""Public routes: asking, following, and reading answers (under /hudong/, 互动)."""

from django.urls import path

from . import views

app_name = "enquiries"

urlpatterns = [
    path("hudong/", views.qa_list, name="qa_list"),
    path("hudong/wenda/<id:pk>/", views.qa_detail, name="qa_detail"),
    path("hudong/shenqing/", views.ask_request, name="ask_request"),
    path("hudong/liuyan/", views.ask_message, name="ask_message"),
    path("hudong/zhixun/<id:pk>/", views.ask_question, name="ask_question"),
    path("hudong/yishoudao/", views.received, name="received"),
    path("hudong/chaxun/", views.status, name="status"),
    path("hudong/nianbao/", views.report_list, name="report_list"),
    path("hudong/nianbao/<id:pk>.xlsx", views.report_xlsx, name="report_xlsx"),
]
