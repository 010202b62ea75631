"""A run over published pages: dead links and images reach 网站自查 with the page to fix."""

import time

import pytest
from wagtail.models import Site

from linkcheck.collect import collect
from linkcheck.models import Link, LinkUse
from linkcheck.run import check_due
from linkcheck.tasks import check_links
from search.tests.factories import news_page
from siteidentity.inspection import run_inspection

pytestmark = pytest.mark.django_db


def page_with(title, html):
    return news_page(title, stream=[{"type": "paragraph", "value": html}])


def findings():
    site = Site.objects.get(is_default_site=True)
    return [f for f in run_inspection(site) if "链接" in f.kind or "图片" in f.kind]


def test_dead_links_and_images_are_listed_with_the_page_to_fix(loopback, settings):
    settings.LINKCHECK_MAX_CHECKS = 100
    page = page_with(
        "有坏链接的新闻",
        f'<p><a href="{loopback}/ok">好链接</a> <a href="{loopback}/gone">坏链接</a> '
        f'<a href="http://10.0.0.1/admin">内网</a> <a href="/no-such-page/">站内坏链接</a></p>',
    )
    summary = check_links.enqueue().return_value
    assert "无法访问" in summary
    found = {(f.kind, f.message, f.title) for f in findings()}
    assert ("站外链接无法访问", f"{loopback}/gone：页面不存在（404）。", page.title) in found
    assert (
        "站内链接无法访问",
        "http://localhost/no-such-page/：页面不存在（404）。",
        page.title,
    ) in found
    refused = [f for f in findings() if f.kind == "链接指向内网地址"]
    assert [f.title for f in refused] == [page.title]
    assert not any("/ok" in f.message for f in findings())
    assert findings()[0].edit_url == f"/admin/pages/{page.pk}/edit/"


def test_a_page_with_ten_thousand_links_is_handled_in_bounded_time(loopback, settings):
    settings.LINKCHECK_MAX_CHECKS = 30
    links = " ".join(f'<a href="{loopback}/gone?n={n}">{n}</a>' for n in range(10_000))
    page = page_with("一万个链接", f"<p>{links}</p>")
    started = time.monotonic()
    collect()
    assert LinkUse.objects.filter(page=page).count() >= 10_000
    counts = check_due()
    assert time.monotonic() - started < 120
    assert sum(counts.values()) == 30
    assert Link.objects.filter(checked_at__isnull=True).count() >= 10_000 - 30


def test_home_page_links_are_checked_first(loopback, settings):
    settings.LINKCHECK_MAX_CHECKS = 1
    Link.objects.create(url=f"{loopback}/ok?other", url_hash="a" * 64)
    home = Link.objects.create(url=f"{loopback}/ok?home", url_hash="b" * 64, on_home_page=True)
    check_due()
    assert list(Link.objects.exclude(checked_at=None)) == [home]


def test_a_link_on_many_pages_is_listed_once(loopback, settings):
    pages = [
        page_with(f"页面{n}", f'<p><a href="{loopback}/gone?shared">共用链接</a></p>')
        for n in range(7)
    ]
    collect()
    check_due()
    found = [f for f in findings() if "shared" in f.message]
    assert [(f.title, f.message) for f in found] == [
        (
            pages[0].title,
            f"{loopback}/gone?shared：页面不存在（404）。"
            "（出现在 7 个页面上，多为页头、页脚等全站共用的内容）",
        )
    ]
