"""A site-wide cap on outgoing e-mail, so no form can be turned into a mail cannon.

Every message the site sends to an address it did not choose (alert confirmations, the
asker's step mails) counts against one hourly budget shared by all workers; per-mailbox limits
come on top. ``MAIL_HOURLY_CAP`` sets the budget (default 300).
"""

from django.conf import settings

from .ratelimit import Limit

DEFAULT_HOURLY_CAP = 300
WINDOW = 3600


def allow_outgoing_mail():
    """Count one outgoing message; False once the site's hourly budget is spent."""
    cap = int(getattr(settings, "MAIL_HOURLY_CAP", DEFAULT_HOURLY_CAP))
    return Limit("mail:site", cap, WINDOW).allow("all")
