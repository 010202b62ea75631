"""Search engines behind the public search page; chosen by settings.SEARCH_BACKEND."""

import logging

from django.conf import settings

from .base import BadRequest, Hit, SearchRequest, SearchResponse

__all__ = [
    "UNAVAILABLE", "BadRequest", "Hit", "SearchRequest", "SearchResponse", "get_engine",
    "run_search",
]  # fmt: skip
logger = logging.getLogger(__name__)
UNAVAILABLE = "检索服务暂时不可用，请稍后再试。"


def get_engine(name=None):
    """``database`` (default: SQLite FTS5 or PostgreSQL) or ``elasticsearch``."""
    name = name or getattr(settings, "SEARCH_BACKEND", "database") or "database"
    if name == "elasticsearch":
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine.from_settings()
    from .database import DatabaseEngine

    return DatabaseEngine()


def run_search(req):
    """Run a search; an engine failure becomes a message and status 503, never an exception
    (the search page and saved-search alerts search through it)."""
    try:
        return get_engine().search(req), 200
    except Exception:
        logger.exception("search failed for %r", req.q[:100])
        resp = SearchResponse(request=req, messages=[*req.messages, UNAVAILABLE])
        return resp, 503
