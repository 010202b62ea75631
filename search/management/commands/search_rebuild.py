"""python manage.py search_rebuild — rebuild the full-text index with a progress bar."""

import time

from django.core.management.base import BaseCommand

from search import indexer
from search.management.progress import ProgressBar


class Command(BaseCommand):
    help = "重建全文检索索引（数据库后端或 Elasticsearch，按 SEARCH_BACKEND 设置）。"

    def handle(self, **options):
        started = time.monotonic()
        engine = "Elasticsearch" if indexer.uses_elasticsearch() else "数据库"
        bar = ProgressBar(self.stdout, f"重建{engine}索引", enabled=options["verbosity"] > 0)
        count = indexer.rebuild(progress=bar)
        elapsed = time.monotonic() - started
        rate = count / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"已索引 {count} 个对象，用时 {elapsed:.1f} 秒（{rate:.0f} 个/秒）。"
            )
        )
