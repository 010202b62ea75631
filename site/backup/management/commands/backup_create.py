from django.core.management.base import BaseCommand, CommandError

from gongkai.backup import archive
from gongkai.backup.database import BackupError


class Command(BaseCommand):
    help = "备份数据库和上传的媒体文件，生成一个 .tar.gz 备份文件。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="备份文件路径（默认 var/backups/gongkai-日期-时间.tar.gz）"
        )

    def handle(self, *args, output=None, **options):
        path = output or archive.default_path()
        try:
            manifest = archive.create(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"备份完成：{path}（{manifest['engine']} 数据库，{manifest['media_files']} 个媒体文件）"
        )
