"""Document frequencies of query groups, remembered for a few minutes per index.

Ranking a partial match weighs each query word by how rare it is in the index. Counting the
documents that hold a word is cheap for rare words and costs a scan of the posting list for
common ones, so the counts are kept per (database, model) and forgotten whenever the index
changes (``forget()``, called by the index writers) or after ``MAX_AGE`` seconds.
"""

import threading
import time

MAX_AGE = 300.0
MAX_ENTRIES = 5000

_lock = threading.Lock()
_counts = {}


def get(scope, key, compute):
    """The remembered value of key in scope, computed now if missing or stale."""
    now = time.monotonic()
    with _lock:
        found = _counts.get((scope, key))
    if found is not None and now - found[1] < MAX_AGE:
        return found[0]
    value = compute()
    with _lock:
        if len(_counts) >= MAX_ENTRIES:
            _counts.clear()
        _counts[(scope, key)] = (value, now)
    return value


def forget():
    """Drop every remembered count (the index changed)."""
    with _lock:
        _counts.clear()
