"""The site and its admin speak Chinese by default."""

import datetime

import pytest
from django.template import Context, Template

pytestmark = pytest.mark.django_db


def test_admin_login_page_is_in_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert "登录" in html
    assert 'lang="zh-hans"' in html.lower()


def test_dates_render_in_chinese_form():
    rendered = Template("{% load site_chrome %}{{ d|cn_date }} {{ d|date:'DATE_FORMAT' }}").render(
        Context({"d": datetime.date(2021, 11, 21)})
    )
    assert rendered == "2021年11月21日 2021年11月21日"
