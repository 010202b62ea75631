"""One small rate limiter for the public forms: fixed-window counters in the shared cache.

A ``Limit`` allows ``allowed`` uses per ``window`` seconds for each subject: a client address
(``throttling.client_ip``, the same rule everywhere), an e-mail address or a tracking number.
Subjects are kept only as a keyed hash, never in the clear. Every worker shares the cache
(Redis or the database table), so a limit holds across processes; when the cache is down,
nobody is locked out.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

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
