"""Findings of the site self-check about collections: empty, or not updated in time."""

from django.utils import timezone


def collection_findings(today=None):
    """One finding per live collection that is empty or whose newest item is older than its
    own staleness limit; each a dict the inspection report shows as it is."""
    from .models import CollectionPage

    today = today or timezone.localdate()
    findings = []
    for page in CollectionPage.objects.live().order_by("path"):
        url = page.full_url or page.url or ""
        newest = page.newest_item_date
        if newest is None:
            findings.append(
                {
                    "severity": "error",
                    "page": page,
                    "url": url,
                    "message": f"专题“{page.title}”没有任何内容：请检查收录条件或置顶内容。",
                }
            )
        elif page.is_stale(today):
            age = (today - newest).days
            findings.append(
                {
                    "severity": "warning",
                    "page": page,
                    "url": url,
                    "message": (
                        f"专题“{page.title}”最新内容发布于{newest:%Y年%-m月%-d日}，"
                        f"已{age}天未更新，超过本专题的更新期限（{page.staleness_days}天）。"
                    ),
                }
            )
    return findings
