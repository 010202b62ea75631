"""Sample clerk and committee accounts for the demo's sample villages, passwords printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from disclosures.accountability import ensure_accountability
from disclosures.models import VillagePage

# (username suffix, 姓, 名, role); the names are the sample sign-off's invented ones.
PEOPLE = [
    ("经办人", "李", "某某", "clerks"),
    ("监委会-王", "王", "某某", "committee"),
    ("监委会-陈", "陈", "某某", "committee"),
]
ROLE_LABELS = {"clerks": "公开经办人", "committee": "村务监督委员会成员"}


class Command(BaseCommand):
    help = "为示例村（社区）创建示例经办人和监督委员会账号：密码随机生成，只显示一次"

    def handle(self, *args, **options):
        villages = VillagePage.objects.exclude(demo_label="").order_by("path")
        for village in villages:
            with transaction.atomic():
                record = ensure_accountability(village)
                for suffix, family, given, role in PEOPLE:
                    self.account(village, record, suffix, family, given, role)

    def account(self, village, record, suffix, family, given, role):
        User = get_user_model()
        username = f"{village.title}-{suffix}"
        group = getattr(record, role)
        user = User.objects.filter(username=username).first()
        if user is not None:
            user.groups.add(group)
            self.stdout.write(f"示例账号 {username} 已存在，密码未改动。")
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username, password=password, last_name=family, first_name=given
        )
        user.groups.add(group)
        self.stdout.write(
            f"已创建示例账号 {username}（{village.title}{ROLE_LABELS[role]}，{family}{given}），"
            f"密码（只显示这一次，请记下）：{password}"
        )
