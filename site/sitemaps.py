"""``/sitemap.xml``: every live public page (Wagtail) plus the standalone pages that apps offer as
service entries (the request and message forms, the Q&A, the site map …), on the one public
address."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as PageSitemap

from editorial.services import service_entries
from siteidentity.addresses import absolute_url


class ServiceEntrySitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        seen, paths = set(), []
        for entry in service_entries():
            path = entry.url.split("#")[0]
            if entry.in_sitemap and path.startswith("/") and path not in seen:
                seen.add(path)
                paths.append(path)
        return paths

    def get_urls(self, page=1, site=None, protocol=None):
        if str(page) != "1":  # the few entries all go on the first page of the sitemap
            return []
        return [{"item": path, "location": absolute_url(path)} for path in self.items()]


SITEMAPS = {"wagtail": PageSitemap, "services": ServiceEntrySitemap}
