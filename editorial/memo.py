"""Values a process keeps for itself, under keys that name their content.

Only for values whose key changes whenever the value may (the publish generation and the code
version of ``listings.fragments``, a page's revision): a key is then never read back with an
out-of-date value, and the process spares the shared cache (a database query with the
database cache) and the rendering. Each entry also expires after ``seconds``, as the shared
cache's copy would, and the least recently used go first past ``size`` entries.
"""

import threading
import time
from collections import OrderedDict

MISSING = object()


class Memo:
    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """The kept value, or MISSING."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return MISSING
            value, expires = entry
            if expires is not None and expires <= time.monotonic():
                del self._entries[key]
                return MISSING
            self._entries.move_to_end(key)
            return value

    def set(self, key, value, seconds=None):
        expires = None if seconds is None else time.monotonic() + seconds
        with self._lock:
            self._entries[key] = (value, expires)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()
