"""Fixtures shared by the cross-app tests."""

import os

import pytest

from tests import served

DEMO_FILES = [
    served.ROOT / "home/demo/seeds.jsonl",
    *sorted((served.ROOT / "policies/demo").glob("*.jsonl")),
    *sorted((served.ROOT / "disclosures/demo").glob("*.jsonl")),
]


@pytest.fixture(scope="session")
def recipe():
    """The demo content served by gunicorn (two workers) behind the nginx recipe.

    Without nginx the tests skip; CI (GONGKAI_REQUIRE_NGINX=1) fails instead."""
    if not served.nginx_available():
        reason = "nginx is not installed (Debian package nginx)"
        if os.environ.get("GONGKAI_REQUIRE_NGINX") == "1":
            pytest.fail(f"{reason} (GONGKAI_REQUIRE_NGINX=1)", pytrace=False)
        pytest.skip(reason)
    site = served.serve(served.make_workdir(), workers=2, fixtures=DEMO_FILES)
    yield site
    site.stop()
