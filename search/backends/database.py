"""Default backend: picks the Chinese SQLite or PostgreSQL backend for the database in use.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}``.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as stock

    return stock(params)
