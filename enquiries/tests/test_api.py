"""The public Q&A API: answered, moderated items only, masked as on the page."""

import datetime
import json

import pytest

from disclosures.tests.factories import finance_disclosure, hierarchy
from enquiries import rules
from enquiries.tests.factories import EnquiryFactory, question_on, resident_id

pytestmark = pytest.mark.django_db

ANSWERED = {
    "status": "answered",
    "moderation": "approved",
    "allow_public": True,
    "replied_on": datetime.date(2026, 3, 5),
}


def get(client, url):
    response = client.get(url)
    return response.status_code, json.loads(response.content.decode())


@pytest.fixture
def items():
    village = hierarchy(("圩洋村",))[3][0]
    disclosure = finance_disclosure(village)
    question = question_on(
        disclosure,
        body="我的电话13812345678，身份证" + resident_id() + "，这笔支出是什么？",
        reply="已回电13812345678说明：办公用品。",
        answered_by="圩洋村民委员会",
        reviewers="王某某",
        reviewed_on=datetime.date(2026, 3, 4),
        **ANSWERED,
    )
    message = EnquiryFactory(
        kind=rules.MESSAGE, title="路灯坏了", body="村口路灯不亮。", reply="已修复。", **ANSWERED
    )
    hidden = {
        "request": EnquiryFactory(kind=rules.REQUEST, **ANSWERED),
        "unmoderated": EnquiryFactory(kind=rules.MESSAGE, **{**ANSWERED, "moderation": "pending"}),
        "private": EnquiryFactory(kind=rules.MESSAGE, **{**ANSWERED, "allow_public": False}),
        "open": EnquiryFactory(kind=rules.MESSAGE, allow_public=True, moderation="approved"),
    }
    return village, disclosure, question, message, hidden


def test_lists_only_answered_moderated_questions_and_messages(client, items):
    village, disclosure, question, message, hidden = items
    code, data = get(client, "/api/v2/qa/")
    assert code == 200
    assert data["meta"]["total_count"] == 2
    assert {item["id"] for item in data["items"]} == {question.pk, message.pk}
    for item in hidden.values():
        code, body = get(client, f"/api/v2/qa/{item.pk}/")
        assert code == 404 and body == {"message": "没有找到该内容。"}
    code, data = get(client, "/api/v2/qa/?kind=message")
    assert [item["id"] for item in data["items"]] == [message.pk]


def test_detail_is_masked_as_on_the_page(client, items):
    village, disclosure, question, _message, _hidden = items
    code, item = get(client, f"/api/v2/qa/{question.pk}/")
    assert code == 200
    assert item["asked_by"] == "张**"
    assert "138****5678" in item["question"] and "138****5678" in item["answer"]
    raw = json.dumps(item, ensure_ascii=False)
    for secret in ("13812345678", resident_id(), "张三丰", question.tracking_number):
        assert secret not in raw
    assert not {"phone", "id_number", "email", "address", "asker_name", "tracking_number"} & set(
        item
    )
    assert item["village"] == {"id": village.pk, "title": "圩洋村", "url": village.url}
    assert item["disclosure"]["id"] == disclosure.pk
    assert item["reviewers"] == "王某某" and item["kind_label"] == "村务质询"
    assert item["html_url"].endswith(f"/hudong/wenda/{question.pk}/")
    page = client.get(f"/hudong/wenda/{question.pk}/").content.decode()
    assert item["question"] in page.replace("<br>", "\n")


def test_private_fields_cannot_be_filtered_or_asked_for(client, items):
    for query in ("phone=13812345678", "asker_name=张三丰", "title=路灯坏了", "order=phone"):
        code, body = get(client, f"/api/v2/qa/?{query}")
        assert code == 400 and "message" in body, query
        assert "13812345678" not in json.dumps(body, ensure_ascii=False)
    code, body = get(client, "/api/v2/qa/?fields=phone")
    assert code == 400
    code, body = get(client, "/api/v2/qa/?limit=abc")
    assert code == 400 and "limit" in body["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/qa/99999999999999999999/",
        "/api/v2/qa/?offset=99999999999999999999",
        "/api/v2/qa/?replied_on=2026-13-45",
        "/api/v2/qa/?village=abc",
        "/api/v2/qa/?order=%00",
    ],
)
def test_hostile_queries_get_a_chinese_message(client, url):
    response = client.get(url)
    assert response.status_code in (400, 404), (url, response.status_code)
    message = json.loads(response.content.decode())["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
