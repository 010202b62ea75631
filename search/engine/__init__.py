"""Search engines behind the public search page; chosen by settings.SEARCH_BACKEND."""

from django.conf import settings

from .base import BadRequest, Hit, SearchRequest, SearchResponse

__all__ = ["BadRequest", "Hit", "SearchRequest", "SearchResponse", "get_engine"]


def get_engine(name=None):
    """``database`` (default: SQLite FTS5 or PostgreSQL) or ``elasticsearch``."""
    name = name or getattr(settings, "SEARCH_BACKEND", "database") or "database"
    if name == "elasticsearch":
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine.from_settings()
    from .database import DatabaseEngine

    return DatabaseEngine()
