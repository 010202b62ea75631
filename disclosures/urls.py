"""Routes of the disclosures app outside the page tree."""

from django.urls import path

from . import chain_views, verify_views, views

app_name = "disclosures"

urlpatterns = [
    path("siwu-data/chain-heads.json", chain_views.chain_heads_json, name="chain_heads"),
    path("siwu-data/chain-heads.xml", chain_views.chain_heads_feed, name="chain_heads_feed"),
    path("siwu-data/hexiao/", verify_views.verify, name="verify"),
    path(
        "siwu-data/finance-template.csv",
        views.finance_template,
        name="finance_template",
    ),
    path(
        "siwu-data/template/<slug:category>.xlsx",
        views.xlsx_template,
        name="xlsx_template",
    ),
    path(
        "siwu-data/disclosure/<id:pk>.<str:fmt>",
        views.finance_export,
        name="finance_export",
    ),
    path("siwu-data/disclosure/<id:pk>/notice/", views.notice, name="notice"),
    path(
        "siwu-data/disclosure/<id:pk>/notice/a3/",
        views.notice,
        {"paper": "A3"},
        name="notice_a3",
    ),
    path("siwu-data/disclosure/<id:pk>/qr.svg", views.page_qr, name="page_qr"),
    path("siwu-data/disclosure/<id:pk>/verify-qr.svg", views.verify_qr, name="verify_qr"),
    path(
        "siwu-data/village/<id:pk>/<year:year>.<str:fmt>",
        views.village_year,
        name="village_year",
    ),
    path("siwu-data/village/<id:pk>/poster/", views.poster, name="poster"),
    path("siwu-data/village/<id:pk>/qr.svg", views.village_qr, name="village_qr"),
    path("siwu-data/v/<id:pk>/", views.village_short, name="village_short"),
    path("siwu-data/d/<id:pk>/", views.disclosure_short, name="disclosure_short"),
]
