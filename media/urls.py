"""Routes of the media app outside the page tree."""

from django.urls import path

from . import views

app_name = "media"

urlpatterns = [
    path("photographers/<str:name>/", views.photographer, name="photographer"),
]
