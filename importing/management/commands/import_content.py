"""Import pages from JSON Lines files: all records or none."""

from django.core.management.base import BaseCommand, CommandError

from importing import ImportError_, import_files


class Command(BaseCommand):
    help = "从 JSON Lines 文件导入内容（全部校验通过才导入；按 id 幂等）。"

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="一个或多个 .jsonl 文件")
        parser.add_argument("--dry-run", action="store_true", help="只校验，不写入")

    def handle(self, *args, files, dry_run, **options):
        try:
            batch = import_files(files, dry_run=dry_run)
        except ImportError_ as exc:
            for problem in exc.problems:
                self.stderr.write(problem)
            raise CommandError(f"发现 {len(exc.problems)} 个问题，未导入任何内容。") from exc
        if dry_run:
            self.stdout.write(f"校验通过：{len(batch.records)} 条记录（未写入）。")
        else:
            self.stdout.write(
                f"导入完成：新建 {batch.created} 个，更新 {batch.updated} 个，"
                f"未变化 {batch.unchanged} 个。"
            )
