"""The site's one public address (GONGKAI_BASE_URL), for every absolute link it writes.

Canonical links, Open Graph, structured data, QR codes and open-data source lines use
``absolute_url``; page URLs come from Wagtail's default Site, which ``configure_site`` (run by
``manage.py home_site_address``, `make demo` and deploy.sh) points at the same address.
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url():
    return settings.GONGKAI_BASE_URL.rstrip("/")


def absolute_url(path):
    """``path`` (starting with /) on the configured public address."""
    return base_url() + path


def site_address():
    """(hostname, port) of the configured address, as Wagtail's Site stores them.

    Wagtail writes https only for port 443 and http for any other port."""
    parts = urlsplit(base_url())
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def configure_site():
    """Point the default Site at the configured address; returns its root URL."""
    from wagtail.models import Site

    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site.root_url
