"""The site's public address now lives in ``siteidentity.addresses``; this name stays for
callers in the site configuration."""

from siteidentity.addresses import absolute_url, base_url, configure_site, site_address

__all__ = ["absolute_url", "base_url", "configure_site", "site_address"]
