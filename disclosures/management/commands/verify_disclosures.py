"""Check every disclosure's hash chain and signatures, that its live content matches its latest
version, that it is live and public (no expiry date, no view restriction, no offline ancestor),
that the site's chain-head log is whole (numbered without gaps, signed, every listed version still
stored, the latest entry of each village covering what is published), and, given a copy of the
log archived by someone else (``--heads FILE``), that no archived version or entry was rewritten
or deleted since.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from disclosures.documents import file_problems
from disclosures.guards import visibility_problems
from disclosures.headcheck import archived_problems, log_problems
from disclosures.models import DisclosurePage, DisclosureVersion, check_page
from disclosures.originals import original_problems


class Command(BaseCommand):
    help = "核验四务公开的哈希链和签名，并列出内容与存档不一致、被下线、被隐藏或被改写的公开"

    def add_arguments(self, parser):
        parser.add_argument(
            "--heads",
            metavar="FILE",
            nargs="?",
            const="",
            help="核验整份链头日志；给出自行存档的副本（chain-heads.json）时，再逐条与数据库和"
            "本站日志比对，用于发现重算过哈希的改写和被删除的版本",
        )

    def handle(self, *args, **options):
        failures, checked = [], 0
        page_ids = DisclosureVersion.objects.values_list("page_id", flat=True).distinct()
        for page in DisclosurePage.objects.filter(pk__in=page_ids).order_by("path"):
            checked += 1
            result = check_page(page)
            problems = ([] if result.ok else [result.message]) + visibility_problems(page)
            problems += original_problems(page)
            if result.latest is not None:
                problems += file_problems(page, result.latest)
            if not problems:
                if options["verbosity"] > 1:
                    self.stdout.write(f"通过  {self.name_of(page)}：{result.message}")
                continue
            failures.append(f"{self.name_of(page)}：{'；'.join(problems)}")
        records = log_problems()
        if options["heads"]:
            records += archived_problems(self.read_heads(options["heads"]))
        for line in failures + records:
            self.stderr.write(f"未通过  {line}")
        if failures or records:
            extra = f"，链头记录 {len(records)} 项未通过" if records else ""
            raise CommandError(
                f"{len(failures)} 份公开未通过核验{extra}（共核验 {checked} 份公开）"
            )
        self.stdout.write(self.style.SUCCESS(f"已核验 {checked} 份公开，哈希链完整，内容一致"))

    @staticmethod
    def read_heads(path):
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"无法读取链头存档 {path}：{error}") from error
        entries = data.get("entries") if isinstance(data, dict) else data
        if not isinstance(entries, list):
            raise CommandError(f"链头存档 {path} 格式不对：应为 chain-heads.json 的内容")
        return entries

    @staticmethod
    def name_of(page):
        where = page.url or page.url_path
        return f"{page.get_parent().title}《{page.title}》（页面 ID {page.pk}，{where}）"
