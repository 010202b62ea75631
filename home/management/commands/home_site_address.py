"""Point Wagtail's default Site at GONGKAI_BASE_URL (host and port the site is served on)."""

from django.core.management.base import BaseCommand

from siteidentity.addresses import base_url, configure_site


class Command(BaseCommand):
    help = "把默认站点的主机名和端口设为 GONGKAI_BASE_URL 指定的公开地址"

    def handle(self, *args, **options):
        root = configure_site()
        if root is None:
            self.stderr.write("没有默认站点：请先运行 migrate")
            return
        self.stdout.write(f"默认站点地址：{root}（GONGKAI_BASE_URL={base_url()}）")
