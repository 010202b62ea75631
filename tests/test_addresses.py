"""GONGKAI_BASE_URL is the one address the site writes: Site, canonical, QR and share links."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from news.tests.factories import news_article

pytestmark = pytest.mark.django_db


def test_home_site_address_points_the_site_at_the_configured_address(client, settings):
    settings.GONGKAI_BASE_URL = "https://gongkai.example.cn"
    settings.ALLOWED_HOSTS = ["gongkai.example.cn"]
    call_command("home_site_address", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("gongkai.example.cn", 443)
    page = news_article("地址测试")
    assert page.full_url == f"https://gongkai.example.cn{page.url}"
    body = client.get(page.url, HTTP_HOST="gongkai.example.cn", secure=True).content
    assert f'<link rel="canonical" href="https://gongkai.example.cn{page.url}">' in (body.decode())
