from django.urls import path

from . import views

app_name = "pagecache"
urlpatterns = [path("pagecache/purge/", views.purge, name="purge")]
