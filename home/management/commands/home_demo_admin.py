"""Make the demo's admin account, with a random password printed once."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "创建演示用管理员账号：密码随机生成并只显示一次，或取自 DEMO_ADMIN_PASSWORD。"

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DEMO_ADMIN_USER", "admin"))

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"管理员账号 {username} 已存在，密码未改动。")
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(f"已创建管理员账号 {username}")
        if not os.environ.get("DEMO_ADMIN_PASSWORD"):
            self.stdout.write(f"密码（只显示这一次，请记下）：{password}")
