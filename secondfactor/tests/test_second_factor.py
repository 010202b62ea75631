"""After the password, the admin asks for a code; without it, nothing in the admin opens."""

import base64
import hashlib
import hmac
import html
import re
import struct
import time

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from secondfactor import devices

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"  # noqa: S105


def code(secret, at=None):
    """RFC 6238, written out here so the test does not trust the code under test."""
    key = base64.b32decode(secret)
    counter = int((time.time() if at is None else at) // 30)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return str((struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**6).zfill(6)


@pytest.fixture
def required(settings):
    settings.GONGKAI_SECOND_FACTOR = "all"


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("管理员", "a@example.com", PASSWORD)


def login(client, user):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return response


def test_a_password_alone_opens_nothing(client, required, admin, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows retries after a wrong code
    device = devices.enrolled_authenticator(admin)
    login(client, admin)
    for url in (reverse("wagtailadmin_home"), "/admin/pages/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("secondfactor:verify"))
    page = client.get(reverse("secondfactor:verify")).content.decode()
    assert "两步验证" in page and 'name="otp_token"' in page
    wrong = client.post(reverse("secondfactor:verify"), {"otp_token": "000000"})
    assert "验证码不正确" in wrong.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    right = client.post(
        reverse("secondfactor:verify"),
        {"otp_token": code(devices.secret(device)), "next": "/admin/pages/"},
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_the_code_page_gets_its_icons_not_a_copy_of_itself(client, required, admin):
    """The admin's script loads the icon sprite on the code page too: it is an image, not a
    redirect (which put a second code form inside the page)."""
    devices.enrolled_authenticator(admin)
    login(client, admin)
    page = client.get(reverse("secondfactor:verify")).content.decode()
    sprite = re.search(r'data-icon-url="([^"]+)"', page).group(1)
    response = client.get(html.unescape(sprite))
    assert response.status_code == 200 and b"<svg" in response.content
    assert "otp_token" not in response.content.decode()
    assert "网站管理后台" in page and "Wagtail</title>" not in page


def test_an_account_without_a_device_enrols_and_gets_recovery_codes(client, required, admin):
    login(client, admin)
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("secondfactor:enrol"))
    page = client.get(reverse("secondfactor:enrol")).content.decode()
    assert "设置两步验证" in page and "<svg" in page
    secret = page.split("<code>")[1].split("</code>")[0]
    done = client.post(reverse("secondfactor:enrol"), {"otp_token": code(secret)})
    codes = [c.split("</code>")[0] for c in done.content.decode().split("<li><code>")[1:]]
    assert len(codes) == 10
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # A lost phone: one recovery code works once.
    client.logout()
    login(client, admin)
    assert client.post(reverse("secondfactor:verify"), {"otp_token": codes[0]}).status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    client.logout()
    login(client, admin)
    again = client.post(reverse("secondfactor:verify"), {"otp_token": codes[0]})
    assert "验证码不正确" in again.content.decode()


def test_groups_setting_and_superusers(client, settings, django_user_model):
    settings.GONGKAI_SECOND_FACTOR = "审核员"
    from secondfactor.policy import must_verify

    editor = django_user_model.objects.create_user("编辑", password=PASSWORD)
    reviewer = django_user_model.objects.create_user("审核", password=PASSWORD)
    reviewer.groups.add(Group.objects.get_or_create(name="审核员")[0])
    boss = django_user_model.objects.create_superuser("超管", password=PASSWORD)
    assert not must_verify(editor) and must_verify(reviewer) and must_verify(boss)
    settings.GONGKAI_SECOND_FACTOR = ""
    assert not must_verify(boss)


def test_an_operator_resets_a_lost_device(admin, capsys):
    devices.enrolled_authenticator(admin)
    devices.new_recovery_codes(admin)
    call_command("secondfactor_reset", admin.username)
    assert "已重置" in capsys.readouterr().out
    assert devices.confirmed_authenticator(admin) is None
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有用户名"):
        call_command("secondfactor_reset", "不存在的人")


def test_the_demo_prints_each_accounts_secret_beside_its_name(admin, capsys):
    call_command("secondfactor_demo")
    out = capsys.readouterr().out
    secret = devices.secret(devices.confirmed_authenticator(admin))
    assert f"{admin.username} 的两步验证密钥：{secret}" in out
