"""Filing each kind without JavaScript, following it, and every hostile input."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from disclosures.tests.factories import finance_disclosure, hierarchy
from enquiries import rules
from enquiries.models import Enquiry
from tests.hostile import PAYLOADS, dangerous_markup
from workdays.calendar import working_days_between

from .factories import resident_id

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def request_data(**changes):
    data = {
        "asker_type": "person",
        "asker_name": "李四",
        "id_type": "resident_id",
        "id_number": resident_id(),
        "phone": "13912345678",
        "email": "lisi@example.com",
        "title": "2026年社区专项资金分配方案",
        "body": "请提供分配方案全文。",
        "preferred_form": "electronic",
        "delivery": "online",
        "website": "",
    }
    data.update(changes)
    return data


def errors(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [p.get_text(" ", strip=True) for p in soup.select(".eq-error")]


def file_request(client, **changes):
    return client.post(reverse("enquiries:ask_request"), request_data(**changes))


def tracking_number(client):
    page = client.get(reverse("enquiries:received")).content.decode()
    return re.search(r"查询码：<strong>([0-9A-Z-]+)</strong>", page)[1]


def test_request_form_says_what_happens_next_and_needs_no_javascript(client):
    page = client.get(reverse("enquiries:ask_request")).content.decode()
    assert "20 个工作日内答复" in page and "查询码" in page
    body = page.split("<body", 1)[1]  # deferred enhancement scripts live in the head only
    assert "<script" not in body and 'name="csrfmiddlewaretoken"' in page


def test_filing_a_request_gives_a_tracking_number_status_page_and_email(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = file_request(client)
    assert response.status_code == 302
    number = tracking_number(client)
    enquiry = Enquiry.objects.get()
    assert enquiry.display_tracking_number == number
    assert enquiry.due_on is not None and enquiry.id_number == resident_id()
    assert len(mail.outbox) == 1 and "已收到" in mail.outbox[0].subject
    assert "13912345678" not in mail.outbox[0].body
    status = client.post(
        reverse("enquiries:status"), {"tracking_number": number.lower(), "phone_tail": "5678"}
    )
    assert status.status_code == 200
    assert "已收到" in status.content.decode() and enquiry.title in status.content.decode()


def test_tracking_numbers_are_random_not_sequential(client):
    numbers = {Enquiry.objects.create(
        kind=rules.MESSAGE, title="t", body="b", asker_name="n", phone="13800000000"
    ).tracking_number for _ in range(20)}  # fmt: skip
    assert len(numbers) == 20 and all(len(n) == 12 for n in numbers)
    assert all(not n.isdigit() for n in numbers)


def test_forged_number_and_wrong_digits_reveal_nothing_and_are_limited(client):
    file_request(client)
    real = Enquiry.objects.get().tracking_number
    url = reverse("enquiries:status")
    wrong_phone = client.post(url, {"tracking_number": real, "phone_tail": "0000"})
    forged = client.post(url, {"tracking_number": "ABCDEFGHJKMN", "phone_tail": "5678"})
    assert wrong_phone.status_code == forged.status_code == 404
    message = "未找到与该查询码和手机号码后四位相符的记录"
    assert message in wrong_phone.content.decode() and message in forged.content.decode()
    assert "李四" not in wrong_phone.content.decode()
    for tail in ("0001", "0002", "0003", "0004"):
        client.post(url, {"tracking_number": real, "phone_tail": tail})
    locked = client.post(url, {"tracking_number": real, "phone_tail": "5678"})
    assert locked.status_code == 429 and "查询次数过多" in locked.content.decode()


def test_invalid_id_number_gets_a_chinese_message_and_keeps_the_text(client):
    response = file_request(client, id_number="320902198001011239", body="保留这段话")
    assert response.status_code == 400
    assert any("校验位" in e for e in errors(response))
    assert "保留这段话" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_ten_thousand_characters_are_refused_with_the_count(client):
    response = file_request(client, body="长" * 10000)
    assert response.status_code == 400
    assert any("不能超过 3000 个字" in e and "10000" in e for e in errors(response))
    assert "长" * 10000 in response.content.decode()  # nothing lost


def test_honeypot_is_refused_without_saving(client):
    response = file_request(client, website="http://spam.example")
    assert response.status_code == 400 and not Enquiry.objects.exists()
    assert "网址" in response.content.decode()


def test_spam_flood_is_rate_limited_per_address(client):
    for n in range(5):
        assert file_request(client, title=f"申请{n}").status_code == 302
    sixth = file_request(client, title="第六件")
    assert sixth.status_code == 429 and "提交过于频繁" in sixth.content.decode()
    assert "第六件" in sixth.content.decode()
    assert Enquiry.objects.count() == 5


def test_html_and_script_in_every_field_are_stored_as_text_and_never_executed(client):
    payload = PAYLOADS[0] + PAYLOADS[2]
    data = request_data(asker_name=payload[:50], title=payload[:100], body="".join(PAYLOADS))
    data.update(address=payload, contact_person=payload[:50])
    assert client.post(reverse("enquiries:ask_request"), data).status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.body == "".join(PAYLOADS)
    page = client.post(
        reverse("enquiries:status"),
        {"tracking_number": enquiry.tracking_number, "phone_tail": "5678"},
    )
    assert dangerous_markup(page.content.decode()) == []
    invalid = client.post(reverse("enquiries:ask_request"), {k: payload for k in data})
    assert invalid.status_code == 400 and dangerous_markup(invalid.content.decode()) == []


def test_villager_question_on_a_finance_line_and_a_message(client):
    _i, _c, _t, (village,) = hierarchy()
    disclosure = finance_disclosure(village)
    form = client.get(reverse("enquiries:ask_question", args=[disclosure.pk])).content.decode()
    assert "办公用品" in form  # the finance lines can be chosen
    line = disclosure.finance_lines.get(item="办公用品")
    response = client.post(
        reverse("enquiries:ask_question", args=[disclosure.pk]),
        {"line": f"finance:{line.pk}", "body": "这笔办公用品买了什么？", "asker_name": "王五",
         "phone": "13700001111", "allow_public": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    question = Enquiry.objects.get(kind=rules.QUESTION)
    assert question.village_id == village.pk and "办公用品" in question.subject_label
    # 10 working days, as the public text says
    assert working_days_between(question.received_on, question.due_on) == 10
    message = client.post(
        reverse("enquiries:ask_message"),
        {"title": "养老服务站开放时间", "body": "周末开放吗？", "asker_name": "赵六",
         "phone": "0515-88881234"},
    )  # fmt: skip
    assert message.status_code == 302
    assert Enquiry.objects.get(kind=rules.MESSAGE).phone == "0515-88881234"


def test_question_on_a_missing_disclosure_is_refused_and_a_withdrawn_one_is_open(client):
    _i, _c, _t, (village,) = hierarchy()
    disclosure = finance_disclosure(village)
    missing = client.post(
        reverse("enquiries:ask_question", args=[disclosure.pk + 1000]),
        {"body": "我的问题", "asker_name": "王五", "phone": "13700001111"},
    )
    assert missing.status_code == 404
    assert "不存在或已不再公开" in missing.content.decode()
    assert "我的问题" in missing.content.decode()
    disclosure.withdrawn, disclosure.withdrawal_reason = True, "数据有误"
    disclosure.save_revision().publish()
    assert not Enquiry.objects.exists()
    # a withdrawn disclosure stays on record: its page offers the form, which says it was withdrawn
    shown = client.get(disclosure.url).content.decode()
    assert reverse("enquiries:ask_question", args=[disclosure.pk]) in shown
    withdrawn = client.get(reverse("enquiries:ask_question", args=[disclosure.pk])).content.decode()
    assert "本公开已撤回（原因：数据有误）" in withdrawn and 'method="post"' in withdrawn


def test_elder_mode_and_small_screens_have_big_targets(client):
    client.cookies["elder"] = "1"
    page = client.get(reverse("enquiries:ask_request")).content.decode()
    assert '<html lang="zh-Hans" class="elder">' in page
    from django.contrib.staticfiles import finders

    css = Path(finders.find("enquiries/enquiries.css")).read_text(encoding="utf-8")
    assert "html.elder .eq-submit" in css and "min-height: 60px; font-size: 1.25rem" in css
    assert "max-width: 100%" in css and "box-sizing: border-box" in css


def test_the_step_mail_carries_none_of_the_filers_words(client, django_capture_on_commit_callbacks):
    """The address is unconfirmed: an attacker's title must not be mailed to a stranger."""
    lure = "您的账户已冻结请点击 http://phish.example 解冻"
    with django_capture_on_commit_callbacks(execute=True):
        file_request(client, title=lure, email="stranger@example.com")
    [message] = mail.outbox
    assert "phish" not in message.body and "phish" not in message.subject
    assert "冻结" not in message.body and "已收到" in message.subject


def test_step_mails_to_one_mailbox_are_limited(
    client, django_capture_on_commit_callbacks, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.ENQUIRIES_MAILS_PER_MAILBOX = 2
    for n in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            file_request(client, email=f"target+{n}@example.com", title=f"申请公开第{n}项")
    assert len(mail.outbox) == 2
