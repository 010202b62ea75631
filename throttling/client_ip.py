"""The address of the person making a request, behind the nginx recipe or not.

``X-Forwarded-For`` is believed only when the request arrives from a trusted proxy
(``settings.GONGKAI_TRUSTED_PROXIES``: addresses or networks, the recipe's nginx is
127.0.0.1). nginx puts the address of whoever connected to it at the right-hand end of that
header, so that entry is the client; anything to its left came from the client and is ignored.
Requests from any other address are answered with their socket address, whatever headers
they send. django-ipware does the header parsing; django-axes asks this module
(``AXES_CLIENT_IP_CALLABLE``).
"""

import functools
import ipaddress

from django.conf import settings
from ipware import get_client_ip


@functools.lru_cache(maxsize=8)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def is_trusted_proxy(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = _networks(tuple(getattr(settings, "GONGKAI_TRUSTED_PROXIES", ())))
    return any(ip.version == net.version and ip in net for net in networks)


def client_ip(request):
    """The client's address as a string ("" when the server gives none)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not is_trusted_proxy(remote):
        return remote
    forwarded, _routable = get_client_ip(
        request,
        proxy_count=0,  # the right-most entry: the one the trusted proxy wrote itself
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return forwarded or remote
