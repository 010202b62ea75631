"""Email addresses are personal data: normalise them, and mask them wherever they are shown."""

import hashlib
import hmac

from django.conf import settings


def normalize(address):
    """Lower-case, trimmed address (the domain part is case-insensitive, and in practice so is
    the local part at every mail provider)."""
    return (address or "").strip().lower()


def mask(address):
    """``z***@example.com`` for ``zhangsan@example.com``: enough to tell addresses apart in a
    log, not enough to write to one."""
    local, _, domain = (address or "").partition("@")
    if not domain:
        return "***"
    return f"{local[:1]}***@{domain}"


def fingerprint(address):
    """A keyed hash of the address, for rate-limit keys that must not hold the address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalize(address).encode(), hashlib.sha256).hexdigest()[:32]
