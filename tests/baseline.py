"""The migrated database comes back after a transactional test flushed it (a pytest plugin).

Transactional tests (``live_server``, ``transactional_db``, ``transaction=True``) end with a
flush that also empties what the migrations left: Wagtail's root page and default site, the
editors' groups, the vocabulary and calendars of the data migrations. pytest-django runs them
after every other test only within one process; with pytest-xdist workers (``make test`` runs
two) a worker may run an ordinary test after one. So the migrated rows are kept once per
process as Django's own test serialization, and put back before the first ordinary database
test that follows a flush. A transactional test itself starts from whatever is there (the
migrated rows or an empty database), as it always did.
"""

import pytest

_baseline = {}
_flushed = {"yes": False}


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    names = getattr(item, "fixturenames", ())
    return any(
        name in names for name in ("live_server", "transactional_db", "django_db_reset_sequences")
    )


def _uses_database(item):
    names = getattr(item, "fixturenames", ())
    if item.get_closest_marker("django_db") is not None or "db" in names:
        return True
    from django.test import TestCase

    cls = getattr(item, "cls", None)
    return cls is not None and issubclass(cls, TestCase)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and a copy of the rows its migrations wrote."""
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            creation = connections[alias].creation
            _baseline[alias] = creation.serialize_db_to_string()


def _restore(config):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        for alias, rows in _baseline.items():
            call_command(
                "flush",
                database=alias,
                interactive=False,
                verbosity=0,
                allow_cascade=True,
                inhibit_post_migrate=True,
            )
            connections[alias].creation.deserialize_db_from_string(rows)
    # The flush's post_migrate had given the content types new ids; the cache still holds them.
    ContentType.objects.clear_cache()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if _transactional(item):
        _flushed["yes"] = True
    elif _flushed["yes"] and _baseline and _uses_database(item):
        _restore(item.config)
        _flushed["yes"] = False


def pytest_collection_modifyitems(items):
    """The recipe's tests share one served site per process: with ``--dist loadgroup`` they all
    go to one worker, which builds it once."""
    for item in items:
        if item.get_closest_marker("recipe") is not None:
            item.add_marker(pytest.mark.xdist_group("recipe"))
