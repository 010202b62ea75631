"""Editors get Wagtail's user bar on public pages; the public and the page cache never do."""

import pytest

from home.tests.factories import home_page

pytestmark = pytest.mark.django_db


def test_editors_see_the_user_bar_and_anonymous_readers_do_not(client, admin_client):
    page = home_page()
    assert "<wagtail-userbar" in admin_client.get(page.url).content.decode()
    anonymous = client.get(page.url).content.decode()
    assert "<wagtail-userbar" not in anonymous and "userbar" not in anonymous
