"""E-mail addresses as the mailbox they reach, so a limit per address cannot be dodged.

``Zhang+a@Example.com``, ``zhang+b@example.com`` and ``ｚｈａｎｇ＠example.com`` all reach one
inbox: limits count them as one. Providers that ignore dots in the local part (Gmail) have
them removed too. The address itself is kept as typed for sending.
"""

from .normalise import normalise

DOTS_IGNORED = frozenset({"gmail.com", "googlemail.com"})


def mailbox(address):
    """The mailbox ``address`` delivers to: folded, lower-case, without a +tag."""
    folded, _origins = normalise((address or "").strip())
    local, at, domain = folded.lower().rpartition("@")
    if not at:
        return folded.lower()
    local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"
