"""Per-address rate limiting in the cache (Redis in production), keyed by a hash of the address."""

from django.conf import settings
from django.core.cache import cache

from .addresses import fingerprint

DEFAULT_PER_ADDRESS = 5  # confirmation requests per address per window
DEFAULT_WINDOW = 3600  # seconds


def allow_address(address):
    """Count one request for ``address``; False once it is over the limit for this window."""
    limit = int(getattr(settings, "ALERTS_RATE_PER_ADDRESS", DEFAULT_PER_ADDRESS))
    window = int(getattr(settings, "ALERTS_RATE_WINDOW", DEFAULT_WINDOW))
    key = f"alerts:rate:{fingerprint(address)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count is None or count <= limit  # cache down: do not lock everyone out
