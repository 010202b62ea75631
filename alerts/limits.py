"""How many confirmation e-mails a subscription form may cause (``throttling.ratelimit``):
per e-mail address, so nobody's inbox is flooded, and per client address, so one client cannot
send to many inboxes."""

from django.conf import settings

from personaldata.mailboxes import mailbox
from throttling.client_ip import client_ip
from throttling.mail import allow_outgoing_mail
from throttling.ratelimit import Limit

DEFAULT_PER_ADDRESS = 5  # confirmation requests per e-mail address per window
DEFAULT_PER_CLIENT = 20  # confirmation requests per client address per window
DEFAULT_WINDOW = 3600  # seconds


def _limit(name, setting, default):
    window = int(getattr(settings, "ALERTS_RATE_WINDOW", DEFAULT_WINDOW))
    return Limit(name, int(getattr(settings, setting, default)), window)


def allow_subscription(request, address):
    """Count one request; False once the mailbox (``+tags`` and case folded away), the client
    or the site's hourly mail budget is over its limit."""
    per_client = _limit("alerts:client", "ALERTS_RATE_PER_CLIENT", DEFAULT_PER_CLIENT)
    per_address = _limit("alerts:email", "ALERTS_RATE_PER_ADDRESS", DEFAULT_PER_ADDRESS)
    client_ok = per_client.allow(client_ip(request))
    mailbox_ok = per_address.allow(mailbox(address))
    return mailbox_ok and client_ok and allow_outgoing_mail()
