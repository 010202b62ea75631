from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backup import archive, rotation
from backup.database import BackupError


class Command(BaseCommand):
    help = "备份数据库和上传的媒体文件，生成一个 .tar.gz 备份文件。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="备份文件路径（默认 var/backups/gongkai-日期-时间.tar.gz）"
        )
        parser.add_argument(
            "--keep-daily",
            type=int,
            default=getattr(settings, "BACKUP_KEEP_DAILY", 7),
            help="默认目录中保留最近多少天的备份（每天最后一份，默认 7）",
        )
        parser.add_argument(
            "--keep-monthly",
            type=int,
            default=getattr(settings, "BACKUP_KEEP_MONTHLY", 12),
            help="默认目录中保留最近多少个月的备份（每月最后一份，默认 12）",
        )

    def handle(self, *args, output=None, keep_daily=7, keep_monthly=12, **options):
        path = output or archive.default_path()
        try:
            manifest = archive.create(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"备份完成：{path}（{manifest['engine']} 数据库，{manifest['media_files']} 个媒体文件）"
        )
        if output is None:
            self.rotate(Path(path).parent, keep_daily, keep_monthly)

    def rotate(self, folder, daily, monthly):
        """Old backups in the default folder go: only the days and months asked for stay."""
        if daily < 1:
            raise CommandError("--keep-daily 至少为 1：最新的备份总要保留")
        names = [p.name for p in folder.iterdir() if p.is_file()]
        for name in rotation.to_delete(names, daily, max(0, monthly)):
            (folder / name).unlink(missing_ok=True)
            self.stdout.write(f"已删除过期备份：{name}")
