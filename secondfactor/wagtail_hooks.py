from django.urls import include, path
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [path("secondfactor/", include(urls, namespace="secondfactor"))]
