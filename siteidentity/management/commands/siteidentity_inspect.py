"""Print (and with --email send) the inspection self-check, for cron."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from siteidentity.inspection import SERIOUS, run_inspection, summary
from siteidentity.models import SiteIdentity


class Command(BaseCommand):
    help = "网站自查：列出检查指标会发现的问题（栏目不更新、空白栏目、无日期、坏链接等）。"

    def add_arguments(self, parser):
        parser.add_argument("--site", type=int, help="站点编号（默认：默认站点）")
        parser.add_argument("--email", nargs="+", metavar="地址", help="把结果发送到这些邮箱")

    def handle(self, *args, site=None, email=None, **options):
        found = Site.objects.filter(pk=site) if site else Site.objects.filter(is_default_site=True)
        target = found.first()
        if target is None:
            raise CommandError("找不到站点。")
        findings = run_inspection(target)
        identity = SiteIdentity.for_site(target)
        serious = sum(f.severity == SERIOUS for f in findings)
        head = f"{identity.name} 网站自查：共 {len(findings)} 项问题，其中严重 {serious} 项。"
        lines = (
            [head, *summary(findings)] if findings else [f"{identity.name} 网站自查：未发现问题。"]
        )
        self.stdout.write("\n".join(lines))
        if email:
            send_mail(
                f"【网站自查】{identity.name}：{len(findings)} 项问题",
                "\n".join(lines),
                settings.DEFAULT_FROM_EMAIL,
                email,
            )
            self.stdout.write(f"已发送到：{'、'.join(email)}")
