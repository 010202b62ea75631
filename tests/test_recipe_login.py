"""Behind the nginx recipe: real client addresses, lockouts per person, no 503 for editors."""

import html
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.served import Client, codes_around

pytestmark = pytest.mark.recipe

ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=社区",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/",
    "/admin/snippets/workdays/holidayarrangement/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/collections/",
    "/admin/redirects/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/workflows/list/",
    "/admin/jsi18n/",
]
LOCKED = "登录已暂时锁定"


def test_a_flood_from_one_address_never_locks_out_an_admin_elsewhere(recipe):
    attacker = Client(recipe.site_port, source="127.0.0.3")
    # Failed logins for the admin's name and made-up ones, some claiming the admin's address.
    for username in ["admin", "root", "管理员", "admin", "test", "admin", "admin", "admin"]:
        response = attacker.login(username, "wrong-guess", headers={"X-Forwarded-For": "127.0.0.2"})
        assert response.status in (200, 429)
    # The attacker's own pair (admin, 127.0.0.3) is locked, even with the right password.
    locked = attacker.login("admin", recipe.admin_password, totp_secret=recipe.admin_totp_secret)
    assert locked.status == 429 and LOCKED in locked.text
    # The admin on another address logs in at once.
    admin = Client(recipe.site_port, source="127.0.0.2")
    response = admin.login("admin", recipe.admin_password, totp_secret=recipe.admin_totp_secret)
    assert response.status == 302, response.text[:500]
    assert response.header("Location") == "/admin/"
    assert LOCKED not in admin.get("/admin/").text


def test_nginx_limits_login_posts_per_address_only(recipe):
    flood = Client(recipe.site_port, source="127.0.0.4")
    form = flood.login_form("guess", "wrong")

    def post(n):  # a new made-up name each time, so no username+address pair is locked
        return flood.request("POST", "/admin/login/", form={**form, "username": f"guess{n}"})

    # All at once (one thread each), so the server's speed does not spread them out.
    with ThreadPoolExecutor(max_workers=30) as pool:
        responses = list(pool.map(post, range(30)))
    refused = [r for r in responses if r.status == 429]
    # nginx's own limit (30 a minute, burst 10) refused some posts from this address; the
    # application was not asked, so these are not lockouts.
    assert refused and all(LOCKED not in r.text for r in refused)
    # Another address is not limited, and the flooding address may still read the site.
    assert Client(recipe.site_port, source="127.0.0.5").login("nobody", "wrong").status == 200
    assert flood.get("/").status == 200


def test_an_editor_clicking_through_the_admin_gets_no_503(recipe):
    editor = Client(recipe.site_port, source="127.0.0.6")
    answer = editor.login("admin", recipe.admin_password, totp_secret=recipe.admin_totp_secret)
    assert answer.status == 302 and answer.header("Location") == "/admin/"
    statuses = {}
    for round_ in range(2):
        for path in ADMIN_PAGES:
            statuses[(round_, path)] = editor.get(path).status
    assert {key: s for key, s in statuses.items() if s != 200} == {}


def test_the_password_alone_does_not_open_the_admin(recipe):
    """Production asks for the authenticator's code after the password; nothing before it."""
    person = Client(recipe.site_port, source="127.0.0.7")
    assert person.login("admin", recipe.admin_password).status == 302
    for path in ["/admin/", "/admin/pages/", "/admin/users/"]:
        response = person.get(path)
        assert response.status == 302
        assert response.header("Location").startswith("/admin/secondfactor/verify/")
    form = person.get(person.get("/admin/").header("Location"))
    assert "动态验证码" in form.text and "验证并进入后台" in form.text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    # a code of none of the steps the site accepts now (the one before, now, the one after)
    taken = set(codes_around(recipe.admin_totp_secret))
    not_the_code = next(c for c in ("000000", "111111", "222222", "333333") if c not in taken)
    wrong = person.request(
        "POST",
        "/admin/secondfactor/verify/",
        form={"csrfmiddlewaretoken": html.unescape(token), "otp_token": not_the_code, "next": "/"},
    )
    assert wrong.status == 200 and "验证码不正确" in wrong.text
    assert person.get("/admin/pages/").status == 302
