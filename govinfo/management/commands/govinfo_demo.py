"""The demo's 政务公开 content (示例数据); safe to run again."""

from django.core.management.base import BaseCommand

from govinfo.demo_content import run


class Command(BaseCommand):
    help = "载入政务公开示例数据：机构、负责人、办事指南、标准目录和网站工作年度报表。"

    def handle(self, *args, **options):
        run(self.stdout)
