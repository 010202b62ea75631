"""Fixtures every test in the project gets."""

import pytest

# With pytest-xdist workers, the migrated rows come back after a transactional test's flush.
pytest_plugins = ["tests.baseline"]


@pytest.fixture(autouse=True)
def _forget_cached_site_addresses():
    """Wagtail caches the sites' root paths; a test that changes a Site rolls the row back
    but not the cache, so the next test would link to the other test's host."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def _new_fragment_generation():
    """Rendered fragments outlive a test's rolled-back rows, and the next test may reuse the
    same page ids and revision ids: each test starts a new generation (listings.fragments)."""
    from listings.fragments import bump

    bump()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit and mail-budget counters (throttling.ratelimit) live in the cache for the whole
    test process; without this a journey late in the run meets limits spent by earlier tests.
    Only the per-process memory cache is cleared (the Redis pass shares a server)."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()
