"""Fixtures every test in the project gets."""

from pathlib import Path

import pytest


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


ROOT = Path(__file__).resolve().parent
SHARED_SCOPES = {"module", "package", "session"}


def _shared_fixture_group(item):
    """The xdist group of a test that shares an expensive fixture of the project's own, or None.

    With ``--dist loadgroup`` (make test, .ci/run) the tests of one group run on one worker, so
    the fixture is built once: every test of the nginx recipe (the session-scoped ``recipe``)
    on one worker, and each file with a module-scoped fixture (a browser, a migrated copy, a
    served site) on one worker. Every other test is dealt out one by one."""
    shared = False
    for name in item.fixturenames:
        for fixturedef in item._fixtureinfo.name2fixturedefs.get(name, ()):
            code = getattr(fixturedef.func, "__code__", None)
            if code is None or fixturedef.scope not in SHARED_SCOPES:
                continue
            source = Path(code.co_filename)
            if ROOT in source.parents and "site-packages" not in source.parts:
                if name == "recipe":
                    return "recipe"
                shared = True
    return item.nodeid.split("::", 1)[0] if shared else None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        group = _shared_fixture_group(item)
        if group and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group))
