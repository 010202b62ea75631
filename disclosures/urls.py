"""Routes of the disclosures app outside the page tree."""

from django.urls import path

from . import views

app_name = "disclosures"

urlpatterns = [
    path(
        "siwu-data/finance-template.csv",
        views.finance_template,
        name="finance_template",
    ),
    path(
        "siwu-data/disclosure/<int:pk>.<str:fmt>",
        views.finance_export,
        name="finance_export",
    ),
    path("siwu-data/disclosure/<int:pk>/notice/", views.notice, name="notice"),
    path("siwu-data/disclosure/<int:pk>/qr.svg", views.page_qr, name="page_qr"),
    path(
        "siwu-data/village/<int:pk>/<int:year>.<str:fmt>",
        views.village_year,
        name="village_year",
    ),
    path("siwu-data/village/<int:pk>/poster/", views.poster, name="poster"),
    path("siwu-data/village/<int:pk>/qr.svg", views.village_qr, name="village_qr"),
    path("siwu-data/v/<int:pk>/", views.village_short, name="village_short"),
    path("siwu-data/d/<int:pk>/", views.disclosure_short, name="disclosure_short"),
]
