"""An editor logs into the Wagtail admin, writes and publishes a news article; readers find it."""

import secrets

import pytest

from .signin import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("second_factor"),  # the admin asks for a code, as in production
]

TITLE = "幸福社区长者食堂开张"
BODY = "幸福社区长者食堂今天开张，辖区老人凭卡就餐。"


@pytest.fixture
def editor(django_user_model):
    password = secrets.token_urlsafe(16)
    user = django_user_model.objects.create_superuser("bianji", "bianji@example.org", password)
    return user.username, password


def test_editor_publishes_news_that_reaches_home_and_search(open_session, site_pages, editor):
    news_index = site_pages["news.NewsIndexPage"]
    username, password = editor
    admin = sign_in(open_session(viewport={"width": 1280, "height": 1000}).page, username, password)

    admin.goto(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    admin.fill("#id_title", TITLE)
    admin.fill("#id_date", "2024-05-01")
    admin.locator("[data-streamfield-stream-container] button").first.click()
    admin.locator(".w-combobox__option", has_text="正文段落").click()
    admin.locator("[contenteditable=true]").first.click()
    admin.keyboard.type(BODY)
    # Draftail copies the text into its hidden form field after a short delay: wait for it.
    admin.wait_for_function(
        "text => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes(text))",
        arg=BODY,
    )
    admin.get_by_role("button", name="更多动作").click()
    admin.locator("button[name=action-publish]").click()
    admin.wait_for_url(f"**/admin/pages/{news_index.pk}/")
    assert admin.get_by_role("link", name=TITLE).count() >= 1

    reader = open_session().page  # a separate, anonymous reader
    reader.goto("/")
    latest = reader.get_by_role("region", name="新闻动态").get_by_role("link", name=TITLE)
    with reader.expect_navigation():
        latest.click()
    assert reader.locator("h1").inner_text() == TITLE
    assert BODY in reader.get_by_role("main").inner_text()

    reader.goto("/search/?q=长者食堂")
    hit = reader.locator(".result-list").get_by_role("link", name=TITLE).first
    assert hit.is_visible()
