"""Findings of the site self-check about collections: empty, or not updated in time."""

from django.utils import timezone

SERIOUS = "serious"  # the inspection report's (siteidentity.inspection) word for an error
KIND = "专题"


def collection_findings(site=None, today=None):
    """One finding per live collection (of ``site``, if given) that is empty or whose newest
    item is older than its own staleness limit; each a dict the inspection report shows."""
    from .models import CollectionPage

    today = today or timezone.localdate()
    findings = []
    pages = CollectionPage.objects.live()
    if site is not None:
        pages = pages.descendant_of(site.root_page)
    for page in pages.order_by("path"):
        url = page.full_url or page.url or ""
        newest = page.newest_item_date
        if newest is None:
            findings.append(
                {
                    "severity": SERIOUS,
                    "kind": KIND,
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
                    "kind": KIND,
                    "page": page,
                    "url": url,
                    "message": (
                        f"专题“{page.title}”最新内容发布于{newest:%Y年%-m月%-d日}，"
                        f"已{age}天未更新，超过本专题的更新期限（{page.staleness_days}天）。"
                    ),
                }
            )
    return findings
