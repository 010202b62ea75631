"""The process-wide analyzer, rebuilt when editors change the synonyms."""

import logging
import threading

from .analysis import Analyzer, Synonyms

logger = logging.getLogger(__name__)
VERSION_KEY = "search:synonyms:version"

_lock = threading.Lock()
_state = {"version": object(), "analyzer": None}


def _synonym_version():
    try:
        from django.core.cache import cache

        return cache.get(VERSION_KEY, 0)
    except Exception:  # no settings (plain unit tests) or cache down: keep what we have
        return 0


def _load_synonyms():
    """(synonyms, loaded): loaded is False when the table could not be read (retry later)."""
    try:
        from .models import Synonym

        return Synonym.as_synonyms(), True
    except Exception as error:  # app registry not ready, table missing before migrate, no DB
        logger.warning("检索同义词读取失败：%s", error)
        return Synonyms(), False


def get_analyzer():
    """Analyzer with the current synonyms; cheap to call on every query."""
    version = _synonym_version()
    analyzer = _state["analyzer"]
    if analyzer is not None and _state["version"] == version:
        return analyzer
    with _lock:
        synonyms, loaded = _load_synonyms()
        analyzer = Analyzer(synonyms)
        _state["analyzer"] = analyzer if loaded else None
        _state["version"] = version if loaded else object()
    return analyzer


def synonyms_changed():
    """Tell every process that the synonyms changed."""
    from django.core.cache import cache

    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    _state["analyzer"] = None
