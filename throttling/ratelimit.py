"""One small rate limiter for the public forms: fixed-window counters in the shared cache.

A ``Limit`` allows ``allowed`` uses per ``window`` seconds for each subject: a client address
(``throttling.client_ip``, the same rule everywhere), an e-mail address or a tracking number.
Subjects are kept only as a keyed hash, never in the clear. Every worker shares the cache
(Redis or the database table), so a limit holds across processes; when the cache is down,
nobody is locked out. Counting is atomic: Redis increments in one step; the database cache
(get, then set) counts inside a write transaction (SQLite's BEGIN IMMEDIATE, an advisory lock
on PostgreSQL), so 40 concurrent posts against a limit of 5 save at most 5.
"""

import hashlib
import hmac
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction

__all__ = ["Limit"]


@dataclass(frozen=True)
class Limit:
    name: str  # e.g. "enquiries:submit"
    allowed: int
    window: int  # seconds

    def _key(self, subject):
        secret = settings.SECRET_KEY.encode()
        digest = hmac.new(secret, str(subject).encode(), hashlib.sha256).hexdigest()[:32]
        return f"rl:{self.name}:{digest}:{int(time.time() // self.window)}"

    def exceeded(self, subject):
        """True when ``subject`` has used up this limit (without counting this call)."""
        return (cache.get(self._key(subject)) or 0) >= self.allowed

    def hit(self, subject):
        """Count one use; True when this use goes over the limit."""
        key = self._key(subject)
        with _serialised(key):
            if cache.add(key, 1, self.window + 5):
                return self.allowed < 1
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, self.window + 5)
                return False
        return count is not None and count > self.allowed

    def allow(self, subject):
        """Count one use; True while it is within the limit."""
        return not self.hit(subject)


@contextmanager
def _serialised(key):
    """One counter update at a time for the database cache (whose incr is a get and a set)."""
    backend = caches["default"]
    if not isinstance(backend, DatabaseCache):
        yield
        return
    alias = router.db_for_write(backend.cache_model_class)
    with transaction.atomic(using=alias):
        connection = connections[alias]
        if connection.vendor == "postgresql":
            lock = int(hashlib.sha256(key.encode()).hexdigest()[:15], 16)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock])
        yield
