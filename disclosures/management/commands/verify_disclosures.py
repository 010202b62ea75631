"""Check every disclosure's hash chain and signatures, that its live content matches its latest
version, that it is live and public (no expiry date, no view restriction, no offline ancestor),
and, given an archived chain-head log (``--heads FILE``), that no archived version was rewritten.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from disclosures.anchoring import chain_key, check_archived_heads, head_message
from disclosures.documents import file_problems
from disclosures.guards import visibility_problems
from disclosures.hashchain import head_of, signature_ok
from disclosures.models import ChainHead, DisclosurePage, DisclosureVersion, check_page
from disclosures.originals import original_problems


class Command(BaseCommand):
    help = "核验四务公开的哈希链和签名，并列出内容与存档不一致、被下线、被隐藏或被改写的公开"

    def add_arguments(self, parser):
        parser.add_argument(
            "--heads",
            metavar="FILE",
            help="自行存档的链头日志（chain-heads.json 的副本），用于发现重算过哈希的改写",
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
        records = self.log_problems()
        if options["heads"]:
            records += check_archived_heads(self.read_heads(options["heads"]))
        for line in failures + records:
            self.stderr.write(f"未通过  {line}")
        if failures or records:
            extra = f"，链头记录 {len(records)} 项未通过" if records else ""
            raise CommandError(
                f"{len(failures)} 份公开未通过核验{extra}（共核验 {checked} 份公开）"
            )
        self.stdout.write(self.style.SUCCESS(f"已核验 {checked} 份公开，哈希链完整，内容一致"))

    @staticmethod
    def log_problems():
        """The site's own chain-head log: each entry's head and signature must still hold."""
        key, problems = chain_key(), []
        for entry in ChainHead.objects.all():
            where = f"链头日志 {entry.village_name} {entry.day}"
            if head_of(entry.links) != entry.head:
                problems.append(f"{where}：链头与所列版本不符，日志被改动")
            elif not signature_ok(
                key, head_message(entry.village_id, entry.day, entry.head), entry.signature
            ):
                problems.append(f"{where}：签名不符，日志被改动")
        return problems

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
