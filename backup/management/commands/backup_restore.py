from django.core.management.base import BaseCommand, CommandError

from backup import archive
from backup.database import BackupError
from pagecache import store


class Command(BaseCommand):
    help = "用备份文件替换当前的数据库和媒体文件（请先停止应用服务器）。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="backup_create 生成的 .tar.gz 文件")
        parser.add_argument(
            "--yes", action="store_true", help="不再确认，直接覆盖当前数据（用于脚本）"
        )

    def handle(self, *args, yes=False, **options):
        path = options["archive"]
        if not yes and options.get("interactive", True):
            answer = input(f"将用 {path} 覆盖当前数据库和媒体文件，确定吗？输入 yes 继续：")
            if answer.strip().lower() != "yes":
                raise CommandError("已取消，未做任何改动。")
        try:
            manifest, old_media = archive.restore(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if store.enabled():
            store.purge()
        self.stdout.write(
            f"已恢复 {manifest['created']} 的备份（{manifest['media_files']} 个媒体文件）。"
        )
        if old_media:
            self.stdout.write(f"恢复前的媒体目录保留在：{old_media}")
