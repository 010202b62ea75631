"""Create or complete a village's clerk and committee groups, permissions and workflow."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from disclosures.accountability import ensure_accountability
from disclosures.models import VillagePage


class Command(BaseCommand):
    help = "为村（社区）建立经办人和监督委员会用户组、页面权限、附件文件夹和审核流程（可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument("village", nargs="?", help="村（社区）页面 ID 或名称")
        parser.add_argument("--all", action="store_true", help="为所有村（社区）设置")
        parser.add_argument("--clerk", action="append", default=[], help="加入经办人组的用户名")
        parser.add_argument(
            "--reviewer", action="append", default=[], help="加入监督委员会组的用户名"
        )

    def handle(self, *args, **options):
        if options["all"]:
            if options["village"] or options["clerk"] or options["reviewer"]:
                raise CommandError("--all 不能与村名、--clerk 或 --reviewer 同时使用")
            for village in VillagePage.objects.order_by("path"):
                self.report(ensure_accountability(village))
            return
        if not options["village"]:
            raise CommandError("请给出村（社区）页面 ID 或名称，或使用 --all")
        village = self.find_village(options["village"])
        users = self.find_users(options["clerk"] + options["reviewer"])
        with transaction.atomic():
            record = ensure_accountability(village)
            for name in options["clerk"]:
                users[name].groups.add(record.clerks)
            for name in options["reviewer"]:
                users[name].groups.add(record.committee)
        self.report(record)

    def report(self, record):
        self.stdout.write(
            self.style.SUCCESS(
                f"已为{record.village.title}设置用户组“{record.clerks.name}”和“{record.committee.name}”"
            )
        )

    def find_village(self, key):
        pages = VillagePage.objects.all()
        found = pages.filter(pk=int(key)) if key.isdigit() else pages.filter(title=key)
        if found.count() != 1:
            raise CommandError(f"找不到唯一的村（社区）：{key}（共找到 {found.count()} 个）")
        return found.get()

    def find_users(self, names):
        user_model = get_user_model()
        users = {u.get_username(): u for u in user_model.objects.filter(username__in=names)}
        missing = sorted(set(names) - set(users))
        if missing:
            raise CommandError(f"用户不存在：{'、'.join(missing)}")
        return users
