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
    try:
        from .models import Synonym
    except Exception:  # app registry not ready or no models yet
        return Synonyms()
    try:
        return Synonym.as_synonyms()
    except Exception as error:  # table missing before migrate
        logger.warning("检索同义词读取失败：%s", error)
        return Synonyms()


def get_analyzer():
    """Analyzer with the current synonyms; cheap to call on every query."""
    version = _synonym_version()
    if _state["analyzer"] is None or _state["version"] != version:
        with _lock:
            _state["analyzer"] = Analyzer(_load_synonyms())
            _state["version"] = version
    return _state["analyzer"]


def synonyms_changed():
    """Tell every process that the synonyms changed."""
    from django.core.cache import cache

    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    _state["analyzer"] = None
