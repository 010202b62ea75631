from django.core.management.base import BaseCommand

from quality.seed import load_lists


class Command(BaseCommand):
    help = "载入发布前检查的初始词表（严重表述错误、禁用词、易错字词）；已有的条目保持不变。"

    def handle(self, *args, **options):
        created = load_lists()
        self.stdout.write(f"发布前检查词表：新增 {created} 条。")
