"""The scheduled check (django-tasks), never two at once."""

import logging

from django.core.cache import cache
from django_tasks import task

from .run import run

logger = logging.getLogger(__name__)
LOCK = "linkcheck:running"
LOCK_SECONDS = 60 * 60


@task()
def check_links():
    """Collect the links of published pages and check those due. Returns a Chinese summary."""
    if not cache.add(LOCK, 1, LOCK_SECONDS):
        return "上一轮链接检查仍在进行，本次跳过。"
    try:
        pages, counts = run()
    finally:
        cache.delete(LOCK)
    checked = sum(counts.values())
    dead = counts.get("dead", 0)
    refused = counts.get("refused", 0)
    summary = (
        f"读取 {pages} 个页面，检查 {checked} 个地址，无法访问 {dead} 个，拒绝访问 {refused} 个。"
    )
    logger.info("linkcheck: %s", summary)
    return summary
