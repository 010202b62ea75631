"""Commenting on one article of an open draft; after the window, the comments and 采纳情况."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from notices.articles import chinese_to_int, split_articles
from notices.models import AdoptionGroup, Comment

from .factories import DRAFT, ConsultationPageFactory, consultation_index, days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def open_consultation():
    return ConsultationPageFactory(parent=consultation_index(), publish=True)


def test_draft_splits_into_articles():
    preamble, articles = split_articles(DRAFT + "\n第十二条 附则。")
    assert preamble.startswith("为规范")
    assert [a.number for a in articles] == [1, 2, 3, 4, 12]
    assert articles[1].label == "第二条" and "村务监督委员会监督" in articles[1].text
    assert chinese_to_int("一百零五") == 105 and chinese_to_int("二十") == 20


def test_open_consultation_shows_window_and_article_links(client, open_consultation):
    html = client.get(open_consultation.url).content.decode()
    assert "征求意见时间" in html and "征求意见中，还剩 30 天" in html
    assert "起草说明" in html and 'id="tiao-3"' in html
    assert reverse("notices:comment", args=[open_consultation.pk]) + "?tiao=3" in html


def test_comment_on_one_article_is_held_until_after_the_window(client, open_consultation):
    url = reverse("notices:comment", args=[open_consultation.pk])
    form = client.get(url + "?tiao=3").content.decode()
    assert 'value="3" selected' in form
    data = {"article_no": "3", "name": "赵六", "content": "建议每月公开维修费用，电话13912345678。"}
    assert client.post(url, data).status_code == 200
    comment = Comment.objects.get()
    assert comment.article_no == 3 and comment.status == "pending"
    assert "13912345678" not in comment.public_content
    page = client.get(open_consultation.url).content.decode()
    assert "已收到意见 1 条" in page and "建议每月公开" not in page


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"content": "意" * 10000}, "不能超过 2000 字"),
        ({"content": '<a href="http://x">看这里</a>'}, "不能包含网页代码"),
        ({"article_no": "99"}, "请选择草案中的一条或草案整体"),
    ],
)
def test_bad_comments_are_refused_whole(client, open_consultation, override, message):
    url = reverse("notices:comment", args=[open_consultation.pk])
    data = {"article_no": "0", "anonymous": "on", "content": "同意。", **override}
    response = client.post(url, data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Comment.objects.exists()


def test_comment_flood_is_stopped(client, open_consultation):
    url = reverse("notices:comment", args=[open_consultation.pk])
    data = {"article_no": "0", "anonymous": "on", "content": "同意。"}
    codes = [client.post(url, data).status_code for _ in range(11)]
    assert codes[-1] == 429 and Comment.objects.count() == 10


def test_closed_consultation_publishes_comments_and_adoption(client):
    page = ConsultationPageFactory(
        parent=consultation_index(), window_start=days(-40), window_end=days(-8), publish=True
    )
    Comment.objects.create(
        consultation=page,
        article_no=3,
        name="赵六",
        content="赵六建议按月公开。",
        status="approved",
    )
    Comment.objects.create(consultation=page, content="广告内容", status="rejected")
    AdoptionGroup.objects.create(
        page=page, topic="公开频次", article_no=3, comment_count=1, decision="adopted",
        reason="已改为每月公开。",
    )  # fmt: skip
    html = client.get(page.url).content.decode()
    assert "征求意见已结束" in html and "意见采纳情况" in html and "已改为每月公开" in html
    assert "赵*" in html and "赵六" not in html and "广告内容" not in html
    assert "采纳" in html and "第3条" in html
    form = client.post(reverse("notices:comment", args=[page.pk]), {"content": "迟到的意见"})
    assert (
        "不再受理意见" in form.content.decode()
        and not Comment.objects.filter(content="迟到的意见").exists()
    )


def test_list_puts_open_consultations_first(client, open_consultation):
    closed = ConsultationPageFactory(
        parent=consultation_index(), window_start=days(-60), window_end=days(-20), publish=True
    )
    html = client.get(consultation_index().url).content.decode()
    assert html.index(open_consultation.title) < html.index(closed.title)
    assert "还剩 30 天" in html
