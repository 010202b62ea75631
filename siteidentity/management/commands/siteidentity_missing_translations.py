"""List the Wagtail admin strings that would show in English (run after a Wagtail upgrade)."""

from django.core.management.base import BaseCommand

from siteidentity.translations import PROJECT_CATALOGUE, missing_strings


class Command(BaseCommand):
    help = "列出 Wagtail 简体中文翻译和本项目翻译目录都未覆盖的后台文字（升级 Wagtail 后运行）。"

    def add_arguments(self, parser):
        parser.add_argument("--app", help="只列出某个 Wagtail 应用，如 admin、users")

    def handle(self, *args, app=None, **options):
        found = [m for m in missing_strings() if app is None or m.app == app]
        for item in found:
            context = f" [{item.msgctxt}]" if item.msgctxt else ""
            self.stdout.write(f"{item.app}{context}: {item.msgid}")
        if found:
            self.stdout.write(
                f"共 {len(found)} 条未翻译。请把译文加入 {PROJECT_CATALOGUE}，"
                "再运行 manage.py compilemessages。"
            )
        else:
            self.stdout.write("Wagtail 后台文字均已有中文翻译。")
        return None
