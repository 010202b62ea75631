"""A citizen objects to an open 公示 and follows it to its answer; bad input is refused whole."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from disclosures.tests.factories import hierarchy
from notices.models import Objection

from .factories import NoticePageFactory, days, notice_index

pytestmark = pytest.mark.django_db

FORM = {"name": "李四", "phone": "13912345678", "content": "张三家有小轿车一辆，不符合低保条件。"}


@pytest.fixture(autouse=True)
def _clear_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def village_notice():
    _, _, _, villages = hierarchy()
    return NoticePageFactory(parent=villages[0], publish=True)


def test_notice_page_shows_window_state_and_masks_id_numbers(client, village_notice):
    html = client.get(village_notice.url).content.decode()
    assert "公示期" in html and "公示中，还剩 5 天" in html
    assert "320902196501011234" not in html and "32**************34" in html
    assert "村级公示" in html and "提出异议" in html


def test_objection_is_answered_reviewed_and_followed(client, village_notice):
    url = reverse("notices:objection", args=[village_notice.pk])
    done = client.post(url, FORM)
    assert done.status_code == 200
    item = Objection.objects.get()
    assert item.number in done.content.decode()
    assert item.needs_review and (item.due_on - item.received_on).days == 10
    lookup = reverse("notices:lookup")
    status = client.post(lookup, {"number": item.number, "phone_tail": "5678"}).content.decode()
    assert "办理中" in status and "尚未答复" in status
    item.reply = "经核实，该车辆已于去年转让，李四反映的情况不属实。"
    item.replied_by = "圩洋村村民委员会"
    item.save()
    status = client.post(lookup, {"number": item.number, "phone_tail": "5678"}).content.decode()
    assert "待村务监督委员会审核" in status
    item.reviewed_by = "王监督"
    item.save()
    status = client.post(lookup, {"number": item.number, "phone_tail": "5678"}).content.decode()
    assert "已答复" in status and "该车辆已于去年转让" in status
    page = client.get(village_notice.url).content.decode()
    assert "李*" in page and "李四" not in page and "经村务监督委员会审核" in page


def test_wrong_phone_digits_find_nothing(client, village_notice):
    client.post(reverse("notices:objection", args=[village_notice.pk]), FORM)
    number = Objection.objects.get().number
    html = client.post(reverse("notices:lookup"), {"number": number, "phone_tail": "0000"})
    assert "没有找到该受理编号" in html.content.decode()


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"content": "好" * 10000}, "不能超过 2000 字"),
        ({"content": "<script>alert(1)</script>有异议"}, "不能包含网页代码"),
        ({"phone": "12345"}, "请填写正确的手机号码"),
        ({"name": ""}, "请填写姓名，或选择匿名提交"),
    ],
)
def test_bad_objections_get_a_chinese_message_and_save_nothing(
    client, village_notice, override, message
):
    response = client.post(
        reverse("notices:objection", args=[village_notice.pk]), {**FORM, **override}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Objection.objects.exists()


def test_anonymous_objection_keeps_no_name(client, village_notice):
    data = {**FORM, "anonymous": "on"}
    client.post(reverse("notices:objection", args=[village_notice.pk]), data)
    assert Objection.objects.get().name == ""


def test_cadre_notice_refuses_anonymous_objections(client):
    notice = NoticePageFactory(
        parent=notice_index(), kind="cadre", window_start=days(0), window_end=days(7), publish=True
    )
    form = client.get(reverse("notices:objection", args=[notice.pk])).content.decode()
    assert "匿名提交" not in form
    response = client.post(reverse("notices:objection", args=[notice.pk]), {**FORM, "name": ""})
    assert "须实名" in response.content.decode()


def test_objection_after_the_window_is_refused(client):
    notice = NoticePageFactory(
        parent=notice_index(), window_start=days(-10), window_end=days(-3), publish=True
    )
    response = client.post(reverse("notices:objection", args=[notice.pk]), FORM)
    assert response.status_code == 200
    assert "已期满，不再受理异议" in response.content.decode()
    assert not Objection.objects.exists()
    assert "期满" in client.get(notice.url).content.decode()


def test_a_flood_from_one_address_is_stopped(client, village_notice):
    url = reverse("notices:objection", args=[village_notice.pk])
    codes = [client.post(url, FORM).status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    assert Objection.objects.count() == 5


def test_unknown_notice_is_a_404(client):
    assert client.get(reverse("notices:objection", args=[99999])).status_code == 404
    assert client.get("/gongshi/99999999999999999999/yiyi/").status_code == 404
    assert client.get("/zhengji/99999999999999999999/yijian/?tiao=x").status_code == 404


def test_list_home_and_village_show_open_notices(client, village_notice):
    index = notice_index()
    closed = NoticePageFactory(
        parent=index,
        title="已期满的公示",
        window_start=days(-12),
        window_end=days(-5),
        publish=True,
    )
    listing = client.get(index.url).content.decode()
    assert listing.index(village_notice.title) < listing.index(closed.title)
    assert "公示中，还剩 5 天" in listing
    home = client.get("/").content.decode()
    assert village_notice.title in home and closed.title not in home
    village = client.get(village_notice.get_parent().url).content.decode()
    assert "正在公示" in village and village_notice.title in village


def test_sheet_has_window_and_qr(client, village_notice):
    html = client.get(reverse("notices:sheet", args=[village_notice.pk])).content.decode()
    assert "公示期" in html and reverse("notices:qr", args=[village_notice.pk]) in html
    svg = client.get(reverse("notices:qr", args=[village_notice.pk]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content


def test_feed_lists_notices_with_state(client, village_notice):
    feed = client.get(reverse("notices:feed-notices")).content.decode()
    assert village_notice.title in feed and "公示中" in feed


def test_search_finds_a_notice_and_shows_its_state(settings):
    from search.engine import get_engine
    from search.engine.base import SearchRequest

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}
    }  # the site's Chinese backend, whatever the test settings say
    notice = NoticePageFactory(parent=notice_index(), publish=True)
    resp = get_engine("database").search(SearchRequest.from_params({"q": "低保"}))
    hits = {hit.title: hit for hit in resp.hits}
    assert hits[notice.title].status == "公示中，还剩 5 天"


def test_notice_page_carries_the_article_meta_and_asks_for_questions(client, village_notice):
    html = client.get(village_notice.url).content.decode()
    assert f'<meta name="ArticleTitle" content="{village_notice.title}">' in html
    assert f'<meta name="PubDate" content="{village_notice.window_start:%Y-%m-%d}">' in html
    assert '<meta name="ContentSource"' in html
    assert "有疑问？提出异议</a>" in html
