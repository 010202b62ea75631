"""Point the footer's 我要纠错 at the on-site form (for `make demo`; safe to run again).

The 网站标识 setting keeps its own 纠错链接 when staff set one; an empty link or an e-mail
address (mailto:) is replaced by the form's address, so a reader reports an error on the site.
"""

from django.core.management.base import BaseCommand
from django.urls import reverse
from wagtail.models import Site

from siteidentity.models import SiteIdentity


class Command(BaseCommand):
    help = "让页脚的“我要纠错”指向本站的纠错表单（已设置为网页地址的不改动）。"

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stderr.write("没有默认站点，未设置纠错链接。")
            return
        identity = SiteIdentity.for_site(site)
        if identity.error_report_url and not identity.error_report_url.startswith("mailto:"):
            self.stdout.write(f"纠错链接已是 {identity.error_report_url}，未改动。")
            return
        identity.error_report_url = reverse("portal:correction")
        identity.save(update_fields=["error_report_url"])
        self.stdout.write(f"纠错链接已设为 {identity.error_report_url}。")
