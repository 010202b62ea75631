"""Security headers, CSP-friendly public pages, production settings and admin login throttling."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.security import ADMIN_CSP, PUBLIC_CSP
from media.tests.factories import photo_feature
from news.tests.factories import case_study, news_article
from policies.tests.factories import (
    IssuingAuthorityFactory,
    TopicFactory,
    interpretation_page,
    policy_page,
)

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTR = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def public_pages():
    policy = policy_page(topics=[TopicFactory()], authorities=[IssuingAuthorityFactory()])
    interpretation_page(policy)
    return [
        "/",
        news_article().url,
        case_study().url,
        policy.url,
        policy.get_parent().url,
        photo_feature(photos=2).url,
    ]


def test_public_pages_send_a_strict_policy_and_the_usual_headers(client):
    for path in public_pages():
        response = client.get(path)
        assert response.status_code == 200, path
        csp = response["Content-Security-Policy"]
        assert csp == PUBLIC_CSP
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN")
        assert "camera=()" in response["Permissions-Policy"]


def test_public_html_needs_no_inline_script_handlers_or_styles(client):
    for path in public_pages():
        html = client.get(path).content.decode()
        assert not INLINE_SCRIPT.search(html), path
        assert not EVENT_HANDLER.search(html), path
        assert not STYLE_ATTR.search(html), path


def test_admin_gets_its_own_policy_and_may_frame_itself(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_CSP
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # Wagtail's live preview is an iframe


def test_nginx_sends_the_same_headers_with_cached_pages():
    conf = ROOT / "site/deploy/nginx"
    headers = (conf / "gongkai-headers.conf").read_text()
    assert f'Content-Security-Policy "{PUBLIC_CSP}"' in headers
    for header in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Strict-"):
        assert header in headers
    locations = (conf / "gongkai-locations.conf").read_text()
    # every location that answers from disk sends them
    assert locations.count("include gongkai/gongkai-headers.conf;") == 3


def test_production_turns_on_hsts_secure_cookies_and_the_page_cache(tmp_path):
    code = (
        "from django.conf import settings as s; import django; django.setup(); "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, s.PAGECACHE_ENABLED, s.DEBUG, "
        "s.STORAGES['staticfiles']['BACKEND'])"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "GONGKAI_PAGECACHE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="gongkai.settings.production",
        SECRET_KEY="p" * 60,
        GONGKAI_CHAIN_KEY="c" * 60,
        ALLOWED_HOSTS="gongkai.example.cn",
        GONGKAI_VAR_DIR=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    hsts, session_secure, csrf_secure, ssl_redirect, cache, debug, static = out.stdout.split()
    # hashed names (cached for a year by nginx) and .gz files next to them (gzip_static)
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert int(hsts) >= 31536000
    assert (session_secure, csrf_secure, ssl_redirect, cache, debug) == (
        "True",
        "True",
        "True",
        "True",
        "False",
    )


def test_admin_login_is_locked_after_repeated_failures(client, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_superuser("editor", "e@example.cn", "correct-horse-42")
    url = reverse("wagtailadmin_login")

    for _ in range(2):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200
        assert "登录已暂时锁定" not in response.content.decode()

    response = client.post(url, {"username": "editor", "password": "wrong"})
    assert response.status_code == 429
    assert "登录已暂时锁定" in response.content.decode()

    # Even the right password is refused while the lock holds.
    response = client.post(url, {"username": "editor", "password": "correct-horse-42"})
    assert response.status_code == 429
    assert "登录已暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_successful_login_works_when_not_locked(client, settings):
    settings.AXES_ENABLED = True
    get_user_model().objects.create_superuser("editor2", "e2@example.cn", "correct-horse-43")
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "editor2", "password": "correct-horse-43"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_logins_without_a_request_are_not_refused_by_the_throttle(settings):
    settings.AXES_ENABLED = True
    user = get_user_model().objects.create_user("script", "s@example.cn", "correct-horse-44")
    from django.contrib.auth import authenticate

    assert authenticate(username="script", password="correct-horse-44") == user
    assert authenticate(username="script", password="wrong") is None
