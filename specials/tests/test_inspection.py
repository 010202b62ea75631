"""The site self-check treats each collection as a section with its own staleness limit."""

import datetime

import pytest
from wagtail import hooks

from .factories import make_collection

pytestmark = pytest.mark.django_db


def findings(today=None):
    """What every registered self-check hook reports, called as the report calls them."""
    from django.utils import timezone
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    found = []
    for fn in hooks.get_hooks("gongkai_inspection_findings"):
        found += as_dicts(fn(site, today or timezone.localdate()))
    return [f for f in found if f["page"] and f["page"].specific_class.__name__ == "CollectionPage"]


def as_dicts(items):
    """Hooks may answer dicts or siteidentity's Finding objects, as the report accepts both."""
    from siteidentity.inspection import Finding

    return [vars(Finding.coerce(item)) for item in items or ()]


def test_stale_and_empty_collections_are_reported(corpus):
    fresh = make_collection(title="新鲜专题", content_types=["news"], staleness_days=180)
    stale = make_collection(title="过期专题", content_types=["policy"], staleness_days=30)
    empty = make_collection(title="空专题", tags="不存在的标签")
    result = findings(today=datetime.date(2022, 3, 1))  # newest news 2022-01-05; policy 2021-05-01
    by_page = {f["page"].pk: f for f in result}
    assert fresh.pk not in by_page
    assert by_page[stale.pk]["severity"] == "warning"
    assert by_page[stale.pk]["message"] == (
        "专题“过期专题”最新内容发布于2021年5月1日，已304天未更新，超过本专题的更新期限（30天）。"
    )
    assert by_page[empty.pk]["severity"] == "serious"
    assert by_page[empty.pk]["kind"] == "专题"
    assert "没有任何内容" in by_page[empty.pk]["message"]
    assert by_page[empty.pk]["url"].endswith(empty.url)


def test_publishing_newer_content_clears_the_finding(corpus):
    from policies.tests.factories import make_policy

    stale = make_collection(title="救助", topic_ids=[corpus.topic("社会救助").pk])
    today = datetime.date(2026, 12, 1)
    assert [f["page"].pk for f in findings(today=today)] == [stale.pk]
    make_policy("新救助办法", topics=["社会救助"], published_date=datetime.date(2026, 11, 1))
    assert findings(today=today) == []


def test_hook_takes_the_reports_site_and_date_positionally(corpus):
    from wagtail.models import Site

    old = make_collection(title="旧专题", content_types=["policy"])
    site = Site.objects.get(is_default_site=True)
    found = []
    for fn in hooks.get_hooks("gongkai_inspection_findings"):
        found += as_dicts(fn(site, datetime.date(2026, 12, 1)))
    assert [f["page"].pk for f in found if f.get("kind") == "专题"] == [old.pk]
    assert all(isinstance(f["message"], str) for f in findings())
