"""Email addresses are personal data: normalise them, and mask them wherever they are shown."""


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
