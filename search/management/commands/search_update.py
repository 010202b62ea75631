"""python manage.py search_update — re-index pages changed recently (or given by id)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from search import indexer
from search.management.progress import ProgressBar


class Command(BaseCommand):
    help = "增量更新检索索引：重新索引最近修改、发布、取消发布或移动的页面。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=float, default=24, help="更新最近多少小时内变更的页面（默认24）"
        )
        parser.add_argument(
            "--page", type=int, action="append", default=[], help="只更新指定 ID 的页面（可重复）"
        )

    def handle(self, **options):
        if options["hours"] <= 0:
            raise CommandError("--hours 必须大于0")
        if options["page"]:
            pages = Page.objects.filter(pk__in=options["page"])
            missing = set(options["page"]) - set(pages.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"找不到页面：{', '.join(map(str, sorted(missing)))}")
        else:
            since = timezone.now() - datetime.timedelta(hours=options["hours"])
            pages = Page.objects.filter(
                Q(latest_revision_created_at__gte=since) | Q(last_published_at__gte=since)
            ).filter(depth__gt=1)
        bar = ProgressBar(self.stdout, "更新索引", enabled=options["verbosity"] > 0)
        count = indexer.update_pages(pages.order_by("pk"), progress=bar)
        self.stdout.write(self.style.SUCCESS(f"已更新 {count} 个页面。"))
