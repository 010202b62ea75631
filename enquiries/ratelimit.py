"""Per-address (and per-key) limits kept in the cache: floods are refused, people are not."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

# scope → (requests allowed, window in seconds)
LIMITS = {
    "submit": (5, 3600),
    "submit-day": (20, 86400),
    "lookup": (10, 600),
    "lookup-number": (5, 900),  # wrong phone digits for one tracking number
}


def client_address(request):
    """The reader's address: the proxy's X-Forwarded-For when the site trusts its proxy."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, subject):
    allowed, window = LIMITS[scope]
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{subject}".encode()).hexdigest()[:24]
    return f"enquiries:rl:{scope}:{digest}:{int(time.time() // window)}", window, allowed


def exceeded(scope, subject):
    """True when `subject` has used up `scope` (without counting this call)."""
    key, _window, allowed = _key(scope, subject)
    return (cache.get(key) or 0) >= allowed


def hit(scope, subject):
    """Count one use; True when this use goes over the limit."""
    key, window, allowed = _key(scope, subject)
    if cache.add(key, 1, window + 5):
        return allowed < 1
    try:
        return cache.incr(key) > allowed
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window + 5)
        return False
