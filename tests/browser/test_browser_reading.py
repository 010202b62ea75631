"""A reader in headless Chromium: search to a policy article, 简/繁 and elder mode, a phone."""

import re

import pytest

from .conftest import PHONE
from .content import SEARCH_TERM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_search_hit_lands_on_the_policy_article(open_session, site_pages):
    policy = site_pages["policies.PolicyPage"]
    session = open_session()
    page = session.page
    page.goto("/")
    page.get_by_role("search", name="全站搜索").get_by_label("搜索全站").fill(SEARCH_TERM)
    with page.expect_navigation():
        page.get_by_role("search", name="全站搜索").get_by_role("button", name="搜索").click()
    assert "/search/" in page.url
    hit = page.locator(f'.result-list a[href^="{policy.url}#"]').first
    hit.wait_for()
    with page.expect_navigation():
        hit.click()
    path, _, anchor = page.url.partition("#")
    assert path.endswith(policy.url) and anchor
    target = page.locator(f"[id='{anchor}']")
    assert SEARCH_TERM in target.inner_text()
    assert target.is_visible()
    assert page.evaluate("location.hash") == f"#{anchor}"
    assert session.foreign_requests() == []


def test_script_switch_and_elder_mode_are_remembered(open_session, site_pages):
    news = site_pages["news.NewsArticlePage"]
    photos = site_pages["media.PhotoFeaturePage"]
    page = open_session().page
    page.goto(news.url)
    assert page.locator("h1").inner_text() == "测试市召开社区议事协商推进会"

    with page.expect_navigation():
        page.get_by_role("link", name="切換為繁體").click()
    assert page.url.endswith(news.url)
    assert page.locator("h1").inner_text() == "測試市召開社區議事協商推進會"
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    page.goto(photos.url)  # remembered on the next page
    assert page.locator("h1").inner_text() == "圖說社區議事會"

    base_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    with page.expect_navigation():
        page.get_by_role("link", name="長者模式").first.click()
    assert page.locator("html").get_attribute("class") == "elder"
    elder_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert elder_size >= base_size * 1.2
    tap = page.get_by_role("link", name="退出長者模式").first.bounding_box()
    assert tap["height"] >= 48
    page.goto(news.url)  # both choices remembered together
    assert page.locator("html").get_attribute("class") == "elder"
    assert "測試市" in page.locator("h1").inner_text()

    with page.expect_navigation():
        page.get_by_role("link", name="切换为简体").click()
    with page.expect_navigation():
        page.get_by_role("link", name="退出长者模式").first.click()
    assert page.locator("h1").inner_text() == "测试市召开社区议事协商推进会"
    assert page.locator("html").get_attribute("class") is None


def test_switches_work_with_the_keyboard_alone(open_session, site_pages):
    page = open_session().page
    page.goto(site_pages["news.NewsIndexPage"].url)
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "跳到正文"
    focused = page.evaluate("getComputedStyle(document.activeElement).left")
    assert focused == "0px"  # the skip link shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(site_pages["news.NewsIndexPage"].url)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "长者模式":
            break
    else:
        pytest.fail("长者模式 switch not reachable with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("class") == "elder"


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_phone_reader_reaches_a_village_disclosure(open_session, site_pages):
    disclosure = site_pages["disclosures.DisclosurePage"]
    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
    session = open_session(java_script_enabled=False, **phone)
    page = session.page
    page.goto("/")
    assert _no_sideways_scroll(page)
    with page.expect_navigation():
        page.get_by_role("navigation", name="主导航").get_by_role("link", name="四务公开").click()
    for title in ("新洋街道", "幸福村"):
        assert _no_sideways_scroll(page), page.url
        with page.expect_navigation():
            page.get_by_role("main").get_by_role("link", name=title).first.click()
    assert _no_sideways_scroll(page), page.url
    latest = page.get_by_role("main").get_by_role("link", name=re.compile("2024年第1季度|第一季度"))
    with page.expect_navigation():
        latest.first.click()
    assert page.url.endswith(disclosure.url)
    assert page.locator("h1").inner_text() == disclosure.title
    assert _no_sideways_scroll(page)
    table = page.get_by_role("table", name="单位：元（人民币）")
    assert table.is_visible() and "集体资产租金" in table.inner_text()
    assert session.foreign_requests() == []


def test_photo_gallery_is_usable_with_the_keyboard(open_session, site_pages):
    page = open_session().page
    page.goto(site_pages["media.PhotoFeaturePage"].url)
    photos = page.locator("[data-gallery-item]")
    assert photos.count() == 2
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "下一张":
            break
    else:
        pytest.fail("the gallery's 下一张 button is not reachable with Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "photo-2"
    assert "议事会投票表决" in page.locator("#photo-2").inner_text()
