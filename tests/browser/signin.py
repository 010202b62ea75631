"""Signing in to the admin as production asks: the password, then the authenticator's code.

``second_factor`` (a fixture) turns the production rule on for a journey; ``sign_in`` enrols the
person's authenticator as ``secondfactor_demo`` does (their phone) and types the code it shows.
"""

import time

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import hotp

from secondfactor.devices import enrolled_authenticator


@pytest.fixture
def second_factor(settings):
    """Every admin account must give a code after its password (production's default)."""
    settings.GONGKAI_SECOND_FACTOR = "all"


def code_for(device):
    """The code the phone shows now, or the next one when this step's code was already used
    (the device refuses a code twice; it accepts one step ahead)."""
    while True:
        device.refresh_from_db()
        step = int(time.time() - device.t0) // device.step + device.drift
        if step > device.last_t:
            break
        if step + 1 > device.last_t:
            step += 1
            break
        time.sleep(1)
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"


def sign_in(page, username, password):
    """Log in through the login page and the code page; ends on the dashboard."""
    device = enrolled_authenticator(get_user_model().objects.get(username=username))
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/secondfactor/verify/**")
    page.fill("#id_otp_token", code_for(device))
    page.get_by_role("button", name="验证并进入后台").click()
    page.wait_for_url("**/admin/")
    return page
