"""Pages with Chinese addresses behind the nginx recipe (issue 25, reproduction 1): nginx finds
their cached files, and what is unpublished, moved or renamed is gone at once while the task
worker is stopped; a corrected page is fresh within the stale limit even with no worker; a
page whose address is too long for a file name is served by the application and unpublished
without an error."""

import time

import pytest

from tests.served import Client

pytestmark = pytest.mark.recipe

MAX_STALE = 60  # PAGECACHE_MAX_STALE_SECONDS, the recipe's default
BUCKET = 10  # a retired file stays in the stale bucket of its last 10 seconds
LONG_SLUG = "关于进一步加强和改进新时代农村集体经济组织财务公开与民主监督工作的实施意见" * 3
PUBLISH = """
import datetime
from news.models import NewsArticlePage, NewsIndexPage
index = NewsIndexPage.objects.live().first()
for title, slug in {pages!r}:
    page = NewsArticlePage(title=title, slug=slug, date=datetime.date(2026, 12, 1),
                           body=[("paragraph", "<p>" + title + "</p>")])
    index.add_child(instance=page)
    page.save_revision().publish()
    print("URL", page.url)
"""
CHANGE = """
from wagtail.models import Page
from news.models import NewsIndexPage
def page(slug):
    return Page.objects.get(slug=slug).specific
page({unpublish!r}).unpublish()
moved = page({move!r})
moved.move(NewsIndexPage.objects.live().first().get_parent(), pos="last-child")
renamed = page({rename!r})
renamed.slug = renamed.slug + "-新"
renamed.save_revision().publish()
Page.objects.get(slug={long!r}).specific.unpublish()
"""
CORRECT = """
from wagtail.models import Page
corrected = Page.objects.get(slug={slug!r}).specific
corrected.title = "更正后：" + corrected.title
corrected.body = [("paragraph", "<p>更正后的正文</p>")]
corrected.save_revision().publish()
"""
PAGES = [
    ("盐井村撤下的快讯", "盐井村撤下"),
    ("鹽井村移走的快訊", "鹽井村移走"),
    ("改名的快讯（第3期）", "改名的快讯-第3期"),
    ("需要更正的快讯", "需要更正_2026年"),
    ("很长标题的快讯", LONG_SLUG),
]


@pytest.fixture(scope="module")
def pages(recipe):
    out = recipe.manage("shell", "-c", PUBLISH.format(pages=PAGES))
    urls = [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("URL ")]
    assert len(urls) == len(PAGES)
    return dict(zip((slug for _, slug in PAGES), urls, strict=True))


def cached_hit(client, url, timeout=60):
    """Ask until nginx answers from the cached file (the first reader's answer stores it)."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get(url)
        if response.header("X-Page-Cache") == "hit":
            return response
        assert time.monotonic() < deadline, f"{url} never became a cache hit"
        time.sleep(0.5)


def test_chinese_addresses_are_served_from_the_cache_and_changes_show(recipe, pages):
    client = Client(recipe.site_port)
    chinese = [slug for _, slug in PAGES if slug != LONG_SLUG]
    for slug in chinese:
        assert "%" in pages[slug]  # the link is percent-encoded; the file has the decoded name
        assert cached_hit(client, pages[slug]).status == 200
    long = client.get(pages[LONG_SLUG])
    assert long.status == 200 and long.header("X-Page-Cache") != "hit"
    assert "很长标题的快讯" in long.text

    recipe.stop_workers()  # nothing is rendered again: the removal alone must do it
    try:
        recipe.manage(
            "shell",
            "-c",
            CHANGE.format(
                unpublish="盐井村撤下", move="鹽井村移走", rename="改名的快讯-第3期", long=LONG_SLUG
            ),
        )  # the long one was: OSError File name too long, HTTP 500 for the editor
        for slug in ("盐井村撤下", LONG_SLUG):
            gone = client.get(pages[slug])
            assert gone.status == 404 and gone.header("X-Page-Cache") != "hit", slug
        # A moved or renamed page's old address: never the cached old page; Wagtail's
        # automatic redirect to the new address instead.
        for slug in ("鹽井村移走", "改名的快讯-第3期"):
            old = client.get(pages[slug])
            assert old.status in (301, 404) and old.header("X-Page-Cache") != "hit", slug
        assert "盐井村撤下的快讯" not in client.get("/news/").text
        moved = client.get(pages["鹽井村移走"].replace("/news/", "/", 1))
        assert moved.status == 200 and "鹽井村移走的快訊" in moved.text
        renamed = client.get(pages["改名的快讯-第3期"].rstrip("/") + "-%E6%96%B0/")
        assert renamed.status == 200 and "改名的快讯（第3期）" in renamed.text
        # A correction with no worker to render it: the old file at most MAX_STALE longer.
        url = pages["需要更正_2026年"]
        assert "需要更正的快讯" in cached_hit(client, url).text
        recipe.manage("shell", "-c", CORRECT.format(slug="需要更正_2026年"))
        corrected = time.monotonic()
        while "更正后的正文" not in client.get(url).text:
            waited = time.monotonic() - corrected
            assert waited < MAX_STALE + BUCKET + 5, f"still the old version after {waited:.0f} s"
            time.sleep(1)
    finally:
        recipe.start_worker(log="worker-after-chinese.log")
    assert "更正后的正文" in cached_hit(client, url).text
