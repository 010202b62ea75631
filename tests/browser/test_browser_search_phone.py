"""Search results first on a phone (issue 31): at 375 px, in normal and 长者模式, the first
result starts within the first screen; facets and tips are folded into one 筛选 control that
opens without JavaScript; each policy result shows its validity."""

import pytest

from .content import SEARCH_TERM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_SCREEN = {"width": 375, "height": 667}


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_first_result_is_on_the_first_screen_of_a_phone(open_session, site_pages, elder):
    session = open_session(viewport=PHONE_SCREEN, java_script_enabled=False)
    if elder:
        session.context.add_cookies([{"name": "elder", "value": "1", "url": session.base_url}])
    page = session.page
    page.goto(f"/search/?q={SEARCH_TERM}", timeout=90_000)
    first = page.locator(".result-list .result").first
    box = first.bounding_box()
    title = first.locator("h3").bounding_box()
    assert box is not None and title is not None
    # The first result starts on the first screen: its title's first line is read without
    # scrolling (a long title may wrap below the fold).
    first_line = min(title["height"], 48)
    assert title["y"] + first_line <= PHONE_SCREEN["height"], (elder, title)
    # Facets are folded: not shown until the reader opens 筛选, which works without scripts.
    facets = page.locator(".search-filter .search-facets").first
    assert not facets.is_visible()
    page.locator(".search-filter summary").click()
    assert facets.is_visible()
    assert page.locator(".search-filter .search-hint").is_visible()
    # The policy result says whether it is in force.
    policy = page.locator(".result", has=page.locator(".validity")).first
    assert policy.locator(".validity").inner_text() in {"有效", "已修改", "已废止", "失效"}
    assert session.foreign_requests() == []
