"""Import 机构, 负责人 and 办事指南 from a JSON Lines file; any bad line and nothing is imported."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from govinfo.records import RecordError, import_records


class Command(BaseCommand):
    help = "导入机构、负责人和办事指南（JSON Lines）；任何一行有错则全部不导入。"

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取 {path}：{error}") from None
        try:
            count = import_records(text)
        except RecordError as error:
            lines = "\n".join(f"{path.name}：{line}" for line in error.errors)
            raise CommandError(f"{path.name} 有错误，未导入任何记录：\n{lines}") from None
        self.stdout.write(f"已导入 {count} 条记录。")
