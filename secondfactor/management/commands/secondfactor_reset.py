from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from secondfactor import devices


class Command(BaseCommand):
    help = "重置账号的两步验证（手机丢失时）：删除其身份验证器和恢复码，下次登录时重新设置。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="要重置的用户名")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"没有用户名为“{username}”的账号")
        removed = devices.reset(user)
        self.stdout.write(
            f"已重置 {username} 的两步验证（删除 {removed} 个设备），下次登录时需重新设置。"
        )
