from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from alerts.tasks import send_digest


class Command(BaseCommand):
    help = "把每日订阅提醒汇总交给后台任务发送（供 cron 每天运行一次）。"

    def handle(self, *args, **options):
        result = send_digest.enqueue()
        if result.status == TaskResultStatus.FAILED:
            detail = result.errors[-1].traceback.strip().splitlines()[-1] if result.errors else ""
            raise CommandError(f"汇总任务失败：{detail}")
        if not result.is_finished:
            self.stdout.write(f"汇总任务已排队（{result.id}），由后台任务进程发送。")
            return
        value = result.return_value
        if value.get("skipped"):
            self.stdout.write("另一次汇总正在进行，本次未发送。")
        else:
            self.stdout.write(f"已发送 {value['sent']} 封提醒邮件，失败 {value['failed']} 封。")
