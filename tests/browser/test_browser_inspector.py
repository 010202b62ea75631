"""An inspector on a 375 px phone, JavaScript off, reaches each 政务公开 page from the home page:
公开指南, 公开目录 (with an overdue item), 机构职能, 负责人, 办事指南 and a service's details,
网站工作年度报表 — and the same pages hold in 长者模式."""

import pytest

from govinfo.demo_content import run as load_govinfo_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE_375 = {"width": 375, "height": 740}
PAGES = [
    ("政府信息公开指南", "政府信息公开指南", "个工作日内答复"),
    ("政府信息公开目录", "政府信息公开目录", "逾期："),
    ("机构职能", "机构职能", "主要职责"),
    ("负责人信息", "负责人信息", "分管工作"),
    ("办事指南", "办事指南", "按人群和事件"),
    ("年度网站工作年度报表", "政府网站工作年度报表", "信息发布"),
]


@pytest.mark.parametrize("elder", [False, True])
def test_an_inspector_on_a_phone_reaches_each_page_from_home(open_session, site_pages, elder):
    load_govinfo_demo()
    session = open_session(viewport=PHONE_375, java_script_enabled=False)
    if elder:
        session.context.add_cookies([{"name": "elder", "value": "1", "url": session.base_url}])
    page = session.page
    for link, heading, words in PAGES:
        page.goto("/")
        with page.expect_navigation():
            page.locator("[aria-labelledby=home-govinfo]").get_by_role(
                "link", name=link
            ).first.click()
        assert heading in page.locator("h1").inner_text()
        assert words in page.locator("main").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_375["width"]
        if elder:
            size = page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('main p, main dd')).fontSize)"
            )
            assert size >= 18
    # the second click: a service's full guide, with its downloadable forms
    page.goto("/zhengwu/banshi/?event=低保")
    with page.expect_navigation():
        page.get_by_role("link", name="最低生活保障审核确认").click()
    main = page.locator("main").inner_text()
    assert "设定依据" in main and "社会救助暂行办法" in main and "示例数据" in main
    assert page.get_by_role("link", name="空白表格").count() == 1
    assert session.foreign_requests() == []
