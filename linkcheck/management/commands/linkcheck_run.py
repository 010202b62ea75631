"""Run the link checker (cron or the demo loop calls this; the work happens in the task)."""

from django.core.management.base import BaseCommand
from django_tasks import TaskResultStatus

from linkcheck.tasks import check_links


class Command(BaseCommand):
    help = "检查已发布页面上的链接和图片（站外链接限速，遵守 robots.txt）"

    def handle(self, *args, **options):
        result = check_links.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(str(result.return_value))
        else:
            self.stdout.write("链接检查已排入后台任务队列。")
