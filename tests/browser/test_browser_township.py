"""A township's villages at a glance on a 320 px phone, without JavaScript, also in elder mode."""

import pytest

from disclosures.models import TownshipPage, VillagePage
from news.models import NewsArticlePage, NewsArticleVillage

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("elder", [False, True])
def test_township_glance_fits_a_phone(open_session, site_pages, elder):
    township = TownshipPage.objects.live().get()
    village = VillagePage.objects.live().get()
    session = open_session(viewport=PHONE, java_script_enabled=False)
    if elder:
        session.context.add_cookies([{"name": "elder", "value": "1", "url": session.base_url}])
    page = session.page
    page.goto(township.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    glance = page.locator(".dc-glance")
    assert glance.is_visible() and "共 1 个村（社区）" in glance.inner_text()
    marks = page.locator(".dc-villages .dc-status-row .dc-badge")
    assert marks.count() == 4
    for i in range(4):
        box = marks.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    with page.expect_navigation():
        page.get_by_role("link", name=village.title).first.click()
    assert page.url.endswith(village.url)
    assert session.foreign_requests() == []


def test_article_and_village_link_both_ways_on_a_phone(open_session, site_pages):
    article = NewsArticlePage.objects.live().first()
    village = VillagePage.objects.live().get()
    NewsArticleVillage.objects.create(page=article, village=village)
    page = open_session(viewport=PHONE, java_script_enabled=False).page
    page.goto(article.url)
    with page.expect_navigation():
        page.get_by_role("link", name=f"{village.title}“四务”公开").click()
    assert page.url.endswith(village.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        page.locator("[aria-labelledby=dc-articles]").get_by_role(
            "link", name=article.title
        ).click()
    assert page.url.endswith(article.url)
