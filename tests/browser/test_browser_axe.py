"""axe-core over one page of every page type (and the search, 404, 繁體 and elder views):
no serious or critical WCAG 2.1 A/AA violation; with JavaScript off, no request leaves the site."""

import pytest

from .content import SEARCH_TERM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}


def reader_urls(site_pages):
    urls = {label: page.url for label, page in site_pages.items()}
    urls["search results"] = f"/search/?q={SEARCH_TERM}"
    urls["404"] = "/no-such-page/社区治理/"
    return urls


def run_axe(page, axe_source):
    page.evaluate(axe_source)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def test_every_page_type_passes_axe(open_session, site_pages, axe_source):
    session = open_session(bypass_csp=True)
    problems = {}
    for name, url in reader_urls(site_pages).items():
        response = session.page.goto(url)
        assert response.status == (404 if name == "404" else 200), (name, url)
        found = run_axe(session.page, axe_source)
        if found:
            problems[name] = found
    # the same in 繁體 and in elder mode (larger type, other colours)
    session.context.add_cookies(
        [
            {"name": "script", "value": "hant", "url": session.base_url},
            {"name": "elder", "value": "1", "url": session.base_url},
        ]
    )
    for label in ("home.HomePage", "news.NewsArticlePage", "disclosures.DisclosurePage"):
        session.page.goto(site_pages[label].url)
        assert session.page.locator("html").get_attribute("class") == "elder"
        found = run_axe(session.page, axe_source)
        if found:
            problems[f"{label} 繁體+长者"] = found
    assert problems == {}


def test_every_page_type_works_without_javascript_on_a_phone(open_session, site_pages):
    session = open_session(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = session.page
    for name, url in reader_urls(site_pages).items():
        page.goto(url)
        assert page.locator("h1").count() == 1, name
        assert page.evaluate("document.documentElement.scrollWidth <= 321"), name
        assert page.locator("main#main").count() == 1, name
    # the header search form submits without JavaScript
    page.goto("/")
    page.get_by_role("search", name="全站搜索").get_by_label("搜索全站").fill(SEARCH_TERM)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" in page.url and page.locator(".result-list li").count() >= 1
    assert session.foreign_requests() == []
