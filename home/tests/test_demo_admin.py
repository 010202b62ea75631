"""The demo admin account never gets a fixed password."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("home_demo_admin", stdout=out)
    return out.getvalue()


def test_random_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    first = run()
    password = first.split("：")[-1].strip()
    assert len(password) >= 12
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    second = run()
    assert password not in second and "已存在" in second


def test_two_installs_get_different_passwords(monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    first = run().split("：")[-1].strip()
    get_user_model().objects.all().delete()
    assert run().split("：")[-1].strip() != first


def test_password_from_environment_is_used_and_not_printed(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-chosen-passphrase")
    output = run()
    assert "a-long-chosen-passphrase" not in output
    assert get_user_model().objects.get(username="admin").check_password("a-long-chosen-passphrase")
