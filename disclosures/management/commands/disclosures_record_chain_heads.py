"""Write today's chain-head entry for every village (run once a day, e.g. from cron)."""

from django.core.management.base import BaseCommand

from disclosures.anchoring import record_all_heads


class Command(BaseCommand):
    help = "记录今天各村（社区）的公开链头（每村每天一条，写入后不再改动）"

    def handle(self, *args, **options):
        entries = record_all_heads()
        for entry in entries:
            self.stdout.write(f"{entry.day} {entry.village_name} {entry.head}")
        self.stdout.write(self.style.SUCCESS(f"共 {len(entries)} 个村（社区）的链头已记录"))
