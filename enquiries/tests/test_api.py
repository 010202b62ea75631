"""The public Q&A in the open API: /api/v2/answers/, masked, moderated, with Chinese 400s."""

import datetime
import re
from pathlib import Path

import pytest

from disclosures.tests.factories import finance_disclosure, hierarchy
from enquiries import rules
from enquiries.models import Addressee

from .factories import EnquiryFactory, question_on, resident_id

pytestmark = pytest.mark.django_db
URL = "/api/v2/answers/"
README = Path(__file__).resolve().parents[2] / "README.md"
ID_NUMBER = resident_id()
ANSWERED = {
    "status": "answered",
    "outcome": "answer",
    "replied_on": datetime.date(2026, 4, 15),
    "allow_public": True,
    "moderation": "approved",
}


@pytest.fixture
def village_question():
    _i, _c, _t, (village,) = hierarchy()
    disclosure = finance_disclosure(village)
    question = question_on(
        disclosure,
        body=f"我是张三丰，身份证{ID_NUMBER}，住幸福路8号，电话13812345678。这笔支出是什么？",
        reply="是办公用品，联系电话13987654321。",
        reviewers="王某某",
        reviewed_on=datetime.date(2026, 4, 14),
        **ANSWERED,
    )
    return village, disclosure, question


def get(client, query=""):
    return client.get(URL + query)


def test_the_answered_moderated_question_is_listed_masked(client, village_question):
    village, disclosure, question = village_question
    response = get(client)
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["id"] == question.pk
    assert item["kind"] == "question" and item["kind_label"] == "村务质询"
    assert item["asker"] == "张**"
    assert "这笔支出是什么？" in item["question"] and "138****5678" in item["question"]
    assert item["reply"].startswith("是办公用品") and "139****4321" in item["reply"]
    assert item["replied_on"] == "2026-04-15" and item["reviewers"] == "王某某"
    assert item["village"]["id"] == village.pk and item["village"]["title"] == village.title
    assert item["disclosure"]["html_url"].endswith(disclosure.url)
    assert item["meta"]["type"] == "enquiries.Enquiry"
    assert item["meta"]["html_url"] == f"http://testserver/hudong/wenda/{question.pk}/"
    assert item["meta"]["detail_url"] == f"http://testserver{URL}{question.pk}/"
    text = response.content.decode()
    for private in ("张三丰", ID_NUMBER, "13812345678", "13987654321", "8号", question.phone):
        assert private not in text
    assert question.tracking_number not in text and "phone" not in item
    detail = client.get(f"{URL}{question.pk}/").json()
    assert detail["question"] == item["question"] and detail["asker"] == "张**"


def test_the_api_masks_exactly_as_the_public_page(client, village_question):
    *_rest, question = village_question
    page = client.get(f"/hudong/wenda/{question.pk}/").content.decode()
    item = get(client).json()["items"][0]
    for value in (item["asker"], item["title"], item["reply"]):
        assert value in page
    assert item["question"].replace("\n", "<br>") in page


def test_a_name_the_asker_agreed_to_show_is_shown(client):
    EnquiryFactory(
        kind=rules.MESSAGE, title="路灯不亮", reply="已修复。", show_name=True, **ANSWERED
    )
    (item,) = get(client).json()["items"]
    assert item["asker"] == "张三丰" and item["kind_label"] == "咨询留言"


def test_unmoderated_unanswered_refused_and_requests_are_never_there(client, village_question):
    *_rest, shown_item = village_question
    hidden = [
        EnquiryFactory(
            kind=rules.MESSAGE, title="待审核的留言", **{**ANSWERED, "moderation": "pending"}
        ),
        EnquiryFactory(
            kind=rules.MESSAGE, title="不展示的留言", **{**ANSWERED, "moderation": "hidden"}
        ),
        EnquiryFactory(
            kind=rules.MESSAGE, title="不同意公开的留言", **{**ANSWERED, "allow_public": False}
        ),
        EnquiryFactory(
            kind=rules.MESSAGE, title="办理中的留言", allow_public=True, moderation="approved"
        ),
        EnquiryFactory(kind=rules.REQUEST, title="秘密申请标题", **ANSWERED),
        EnquiryFactory(kind=rules.REQUEST, title="另一件申请"),
    ]
    response = get(client, "?limit=20")
    text = response.content.decode()
    assert [item["id"] for item in response.json()["items"]] == [shown_item.pk]
    for item in hidden:
        assert item.title not in text
        detail = client.get(f"{URL}{item.pk}/")
        assert detail.status_code == 404 and detail.json() == {"message": "没有找到该内容。"}
    assert response.json()["meta"]["requests"] == {"received": 2, "answered": 1}
    assert get(client, "?kind=message").json()["meta"]["total_count"] == 0


def test_filters_by_kind_village_department_and_words(client, village_question):
    village, _disclosure, question = village_question
    office = Addressee.objects.create(name="测试区民政局")
    message = EnquiryFactory(
        kind=rules.MESSAGE, title="养老补贴何时发放", reply="每月十日发放。", department=office,
        **ANSWERED,
    )  # fmt: skip

    def ids(query):
        response = get(client, query)
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert ids("") == [message.pk, question.pk]  # newest reply first, then newest
    assert ids("?kind=question") == [question.pk]
    assert ids("?kind=message") == [message.pk]
    assert ids(f"?village={village.pk}") == [question.pk]
    assert ids(f"?department={office.pk}") == [message.pk]
    assert ids(f"?department={office.pk}&kind=question") == []
    assert ids("?kind=&village=&department=") == [message.pk, question.pk]  # blank: all
    assert ids("?q=养老 十日") == [message.pk]
    assert ids("?q=13812345678") == []  # the raw phone is not searchable either
    assert ids("?limit=1") == [message.pk]
    assert ids("?limit=1&offset=1") == [question.pk]
    assert get(client, "?limit=1").json()["meta"]["total_count"] == 2
    fields = get(client, "?fields=-question,-reply").json()["items"][0]
    assert "reply" not in fields and fields["title"] == "养老补贴何时发放"


BAD = [
    ("kind=request", "政府信息公开申请的内容不公开"),
    ("kind=xyz", "类型“xyz”无效"),
    ("village=abc", "村（社区）编号 village“abc”无效"),
    ("village=%D9%A3", "村（社区）编号 village“٣”无效"),  # an Arabic-Indic three
    ("department=%C2%B2", "部门编号 department“²”无效"),
    ("village=99999999999999999999", "village“99999999999999999999”无效"),
    ("limit=0", "limit“0”无效"),
    ("limit=21", "limit 不能大于 20"),
    ("limit=%EF%BC%95", "limit“５”无效"),  # a full-width five
    ("offset=-1", "offset“-1”无效"),
    ("offset=%E2%91%A0", "offset“①”无效"),
    ("offset=99999999999999999999", "offset“99999999999999999999”无效"),
    ("order=-replied_on", "无法识别的查询参数：order"),
    ("asker_name=张三丰", "无法识别的查询参数：asker_name"),
    ("phone=13812345678", "无法识别的查询参数：phone"),
    ("search=支出", "无法识别的查询参数：search"),
    ("fields=phone", "fields 参数有误：没有这些字段：phone"),
]


@pytest.mark.parametrize(("query", "message"), BAD)
def test_bad_parameters_get_a_chinese_400(client, village_question, query, message):
    response = get(client, f"?{query}")
    assert response.status_code == 400, response.content
    text = response.json()["message"]
    assert message in text and re.search(r"[\u4e00-\u9fff]", text)
    assert "13812345678" not in response.content.decode()


def test_unknown_and_huge_ids_are_chinese_404s(client, village_question):
    for pk in ("99999", "99999999999999999999"):
        response = client.get(f"{URL}{pk}/")
        assert response.status_code == 404
        assert response.json() == {"message": "没有找到该内容。"}
    assert client.get(f"{URL}find/?id=abc").status_code == 404
    browsable = get(client, "?format=api")  # JSON only: no HTML rendering of the API
    assert browsable.status_code == 404 and browsable["Content-Type"] == "application/json"


def test_readme_open_api_section_lists_the_endpoint():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Open API", 1)[1].split("\n## ", 1)[0]
    assert "/api/v2/answers/" in section
    for name in ("kind=", "village=", "department=", "meta.requests"):
        assert name in section
