from django.urls import path

from . import views

app_name = "secondfactor"
urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("enrol/", views.enrol, name="enrol"),
]
