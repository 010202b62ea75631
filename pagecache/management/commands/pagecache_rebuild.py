from django.core.management.base import BaseCommand, CommandError

from pagecache import renderer, store


class Command(BaseCommand):
    help = "清空页面缓存，并为所有已发布的公开页面重新生成缓存文件（简/繁、长者模式各一份）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--purge-only", action="store_true", help="只清空缓存，页面在首次访问时再生成"
        )

    def handle(self, *args, purge_only=False, **options):
        if not store.enabled():
            raise CommandError(
                "页面缓存未启用（PAGECACHE_ENABLED=False，可设置 GONGKAI_PAGECACHE=1）。"
            )
        if purge_only:
            store.purge()
            self.stdout.write("页面缓存已清空。")
            return
        stored, failed = renderer.rebuild()
        self.stdout.write(f"已生成 {stored} 个缓存文件，目录：{store.root() / 'current'}")
        if failed:
            self.stderr.write(f"{failed} 个请求返回错误，未缓存。")
