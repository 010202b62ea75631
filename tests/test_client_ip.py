"""The client address: X-Forwarded-For only from a trusted proxy, lockouts per person."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from throttling.client_ip import client_ip


def address(settings, remote, forwarded=None, trusted=("127.0.0.1",)):
    settings.GONGKAI_TRUSTED_PROXIES = list(trusted)
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **headers))


def test_the_proxy_s_header_names_the_client(settings):
    assert address(settings, "127.0.0.1", "203.0.113.7") == "203.0.113.7"
    assert address(settings, "127.0.0.1", "2001:db8::5") == "2001:db8::5"
    # A private address behind the proxy is still that person's address.
    assert address(settings, "127.0.0.1", "192.168.1.20") == "192.168.1.20"


def test_what_the_client_wrote_into_the_header_is_ignored(settings):
    # nginx appends (or replaces with) the address it saw; the left part is the client's.
    assert address(settings, "127.0.0.1", "198.51.100.1, 203.0.113.7") == "203.0.113.7"


def test_headers_from_anyone_but_a_trusted_proxy_are_ignored(settings):
    assert address(settings, "198.51.100.9", "203.0.113.7") == "198.51.100.9"
    assert address(settings, "127.0.0.1", "203.0.113.7", trusted=()) == "127.0.0.1"
    assert address(settings, "10.0.0.3", "203.0.113.7", trusted=("10.0.0.0/24",)) == ("203.0.113.7")


def test_a_missing_or_garbage_header_falls_back_to_the_proxy(settings):
    assert address(settings, "127.0.0.1") == "127.0.0.1"
    assert address(settings, "127.0.0.1", "") == "127.0.0.1"
    assert address(settings, "127.0.0.1", "not-an-address, <script>") == "127.0.0.1"


@pytest.mark.django_db
def test_failures_from_one_address_do_not_lock_the_same_user_elsewhere(client, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    get_user_model().objects.create_superuser("editor", "e@example.cn", "correct-horse-42")
    url = reverse("wagtailadmin_login")
    attacker = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for _ in range(4):
        client.post(url, {"username": "editor", "password": "wrong"}, **attacker)
    locked = client.post(url, {"username": "editor", "password": "correct-horse-42"}, **attacker)
    assert locked.status_code == 429 and "登录已暂时锁定" in locked.content.decode()

    client.cookies.clear()
    own = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    response = client.post(url, {"username": "editor", "password": "correct-horse-42"}, **own)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
