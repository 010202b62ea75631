"""Check every disclosure's hash chain, that its live content matches its latest version, and
that it is live and public (no expiry date, no view restriction, no offline ancestor)."""

from django.core.management.base import BaseCommand, CommandError

from disclosures.guards import visibility_problems
from disclosures.models import DisclosurePage, DisclosureVersion, check_page


class Command(BaseCommand):
    help = "核验四务公开的版本哈希链，并列出内容与存档不一致、被下线或被隐藏的公开"

    def handle(self, *args, **options):
        page_ids = DisclosureVersion.objects.values_list("page_id", flat=True).distinct()
        pages = DisclosurePage.objects.filter(pk__in=page_ids).order_by("path")
        failures, checked = [], 0
        for page in pages:
            checked += 1
            result = check_page(page)
            problems = ([] if result.ok else [result.message]) + visibility_problems(page)
            if not problems:
                if options["verbosity"] > 1:
                    self.stdout.write(f"通过  {self.name_of(page)}：{result.message}")
                continue
            line = f"{self.name_of(page)}：{'；'.join(problems)}"
            failures.append(line)
            self.stderr.write(f"未通过  {line}")
        if failures:
            raise CommandError(f"{len(failures)} 份公开未通过核验（共核验 {checked} 份）")
        self.stdout.write(self.style.SUCCESS(f"已核验 {checked} 份公开，哈希链完整，内容一致"))

    @staticmethod
    def name_of(page):
        where = page.url or page.url_path
        return f"{page.get_parent().title}《{page.title}》（页面 ID {page.pk}，{where}）"
