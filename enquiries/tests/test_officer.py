"""The officer's journey in the admin: extension, pauses, reply, dates, the letters."""

import datetime

import pytest
from django.urls import reverse

from enquiries.models import Enquiry

from .factories import EnquiryFactory
from .test_answering import edit_url, form_data

pytestmark = pytest.mark.django_db

EXTENSION = {
    "extensions-TOTAL_FORMS": "1",
    "extensions-0-days": "20",
    "extensions-0-decided_on": "2026-03-20",
    "extensions-0-approved_by": "李局长",
    "extensions-0-reason": "需要调取多个部门的档案",
    "extensions-0-notice_sent_on": "2026-03-21",
}


def errors(response):
    """The error messages an officer sees on the re-shown form."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    found = soup.select(".error-message, .errorlist li, .w-field__errors")
    return " ".join(e.get_text(" ", strip=True) for e in found)


def post(client, enquiry, **changes):
    data = form_data(client, enquiry, **changes)
    return client.post(edit_url(enquiry), data)


def test_adding_an_extension_saves_and_moves_the_deadline_by_20_working_days(admin_client):
    enquiry = EnquiryFactory()  # received 2026-03-02, due 2026-03-30
    before = enquiry.due_on
    response = post(admin_client, enquiry, **EXTENSION)
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.extensions.count() == 1
    assert enquiry.due_on == datetime.date(2026, 4, 28)  # 清明 4–6 April off
    assert enquiry.due_on > before
    notes = [(e.note, e.actor) for e in enquiry.events.all()]
    assert any("延期答复" in n and "李局长" in n and a == "admin" for n, a in notes), notes
    assert ("答复期限由 2026-03-30 改为 2026-04-28", "admin") in notes


def refused(client, enquiry, **changes):
    """Posts bad input; returns the messages shown after checking nothing was saved."""
    enquiry = Enquiry.objects.get(pk=enquiry.pk)
    before = (enquiry.received_on, enquiry.due_on, enquiry.events.count())
    response = client.post(edit_url(enquiry), form_data(client, enquiry, **changes))
    assert response.status_code == 200
    enquiry = Enquiry.objects.get(pk=enquiry.pk)
    assert (enquiry.received_on, enquiry.due_on, enquiry.events.count()) == before
    assert not enquiry.extensions.exists() or enquiry.extensions.count() == 1
    return errors(response)


def test_bad_clock_input_gets_chinese_messages_and_saves_nothing(admin_client):
    enquiry = EnquiryFactory()
    too_long = {**EXTENSION, "extensions-0-days": "25"}
    assert "最长 20 个工作日" in refused(admin_client, enquiry, **too_long)
    late = {
        **EXTENSION,
        "extensions-0-decided_on": "2026-04-10",
        "extensions-0-notice_sent_on": "2026-04-10",
    }
    assert "原答复期限 2026-03-30 届满前" in refused(admin_client, enquiry, **late)
    pause = {
        "pauses-TOTAL_FORMS": "1",
        "pauses-0-kind": "third_party",
        "pauses-0-started_on": "2026-03-05",
        "pauses-0-ended_on": "2026-04-10",
        "pauses-0-reason": "征求企业意见",
    }
    assert "最长 15 个工作日" in refused(admin_client, enquiry, **pause)
    early = dict(status="answered", outcome="disclose", replied_on="2026-02-01")
    assert "答复日期不能早于收到日期 2026-03-02" in refused(admin_client, enquiry, **early)
    future = dict(status="answered", outcome="disclose", replied_on="2099-01-01")
    assert "答复日期不能晚于今天" in refused(admin_client, enquiry, **future)
    assert not enquiry.extensions.exists() and not enquiry.pauses.exists()


def test_only_one_extension_and_one_supplement(admin_client):
    enquiry = EnquiryFactory()
    assert post(admin_client, enquiry, **EXTENSION).status_code == 302
    second = {
        "extensions-TOTAL_FORMS": "2",
        "extensions-1-days": "10",
        "extensions-1-decided_on": "2026-04-01",
        "extensions-1-approved_by": "王局长",
        "extensions-1-reason": "再延",
        "extensions-1-notice_sent_on": "2026-04-01",
    }
    assert "只能延长 1 次" in refused(admin_client, enquiry, **second)
    supplements = {"pauses-TOTAL_FORMS": "2"}
    for n, (start, end) in enumerate([("2026-03-03", "2026-03-06"), ("2026-03-09", "")]):
        supplements.update({
            f"pauses-{n}-kind": "supplement", f"pauses-{n}-started_on": start,
            f"pauses-{n}-ended_on": end, f"pauses-{n}-reason": "申请内容不明确",
        })  # fmt: skip
    assert "补正只能一次性告知" in refused(admin_client, enquiry, **supplements)


def test_received_date_moves_back_only_with_a_reason_kept_in_history(admin_client):
    enquiry = EnquiryFactory()
    filed = enquiry.created_at.date()
    later = filed + datetime.timedelta(days=3)
    assert "不能晚于系统记录的提交日期" in refused(
        admin_client, enquiry, received_on=later.isoformat(), received_reason="改"
    )
    earlier = (filed - datetime.timedelta(days=40)).isoformat()
    assert "须写明原因" in refused(admin_client, enquiry, received_on=earlier)
    response = post(
        admin_client, enquiry, received_on=earlier, received_reason="邮寄申请，邮戳日期"
    )
    assert response.status_code == 302, errors(response)
    page = admin_client.get(edit_url(enquiry)).content.decode()
    assert f"收到日期由 2026-03-02 改为 {earlier}，原因：邮寄申请，邮戳日期" in page


def test_pause_extension_letters_and_history_name_the_officer(admin_client):
    enquiry = EnquiryFactory()
    pause = {
        "pauses-TOTAL_FORMS": "1",
        "pauses-0-kind": "third_party",
        "pauses-0-started_on": "2026-03-05",
        "pauses-0-ended_on": "2026-03-12",
        "pauses-0-reason": "征求企业意见",
    }
    response = post(admin_client, enquiry, **pause, **EXTENSION)
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.due_on == datetime.date(2026, 5, 8)  # +5 working days paused, 劳动节 off
    page = admin_client.get(edit_url(enquiry)).content.decode()
    for label in ("受理回执", "延期答复告知书"):
        assert label in page
    receipt = admin_client.get(reverse("enquiries_letter_kind", args=[enquiry.pk, "receipt"]))
    assert "政府信息公开申请受理回执" in receipt.content.decode()
    notice = admin_client.get(reverse("enquiries_letter_kind", args=[enquiry.pk, "extension"]))
    text = notice.content.decode()
    assert "延长 20 个工作日" in text and "2026年5月8日" in text and "李局长" in text
    missing = admin_client.get(reverse("enquiries_letter_kind", args=[enquiry.pk, "supplement"]))
    assert missing.status_code == 404
    assert all(e.actor == "admin" for e in enquiry.events.all()[1:])
    for english in ("Display tracking number", "Clock label", "resident_id", "True", "False"):
        assert english not in page


def test_queue_lists_overdue_then_due_soon_then_new(admin_client):
    today = datetime.date.today()
    EnquiryFactory(title="已答复的申请", status="answered", outcome="disclose",
                   replied_on=datetime.date(2026, 3, 5))  # fmt: skip
    EnquiryFactory(title="新收到的申请", received_on=today)
    EnquiryFactory(title="早已逾期的申请", received_on=datetime.date(2026, 1, 5))
    listing = admin_client.get(reverse("enquiries_request:index")).content.decode()
    order = [listing.index(t) for t in ("早已逾期的申请", "新收到的申请", "已答复的申请")]
    assert order == sorted(order)
    assert "查询码" in listing and "Display tracking number" not in listing


def test_entering_a_years_arrangement_recomputes_open_deadlines_with_a_note():
    from workdays.models import ArrangementDay, HolidayArrangement

    enquiry = EnquiryFactory(received_on=datetime.date(2026, 12, 7))
    due = enquiry.due_on  # 2027 unknown: 元旦 off, 调休 unknown
    assert due == datetime.date(2027, 1, 5)
    year = HolidayArrangement(year=2027, notice="国务院办公厅关于2027年部分节假日安排的通知")
    year.days = [ArrangementDay(festival="元旦", start=datetime.date(2027, 1, 1),
                                end=datetime.date(2027, 1, 4))]  # fmt: skip
    year.save()
    enquiry.refresh_from_db()
    assert enquiry.due_on == datetime.date(2027, 1, 6)
    note = enquiry.events.last()
    assert (
        note.note == "答复期限由 2027-01-05 改为 2027-01-06"
        "（2027年放假安排已录入或修改，按新的工作日历重新计算）"
    )
    assert note.actor == "系统"


def test_art_44_turns_released_information_into_a_proactive_disclosure(admin_client):
    first = EnquiryFactory(status="answered", outcome="disclose",
                           replied_on=datetime.date(2026, 3, 10))  # fmt: skip
    second = EnquiryFactory()  # the same information asked again
    url = reverse("enquiries_proactive", args=[first.pk])
    assert "相同内容的申请共 2 件" in admin_client.get(url).content.decode()
    bad = admin_client.post(url, {"url": "不是网址"})
    assert "请填写有效的网址" in bad.content.decode()
    assert admin_client.post(url, {"url": "https://example.gov.cn/zdgk/1.html"}).status_code == 302
    for item in (first, second):
        item.refresh_from_db()
        assert item.proactive_url == "https://example.gov.cn/zdgk/1.html"
        assert "依第四十四条纳入主动公开" in item.events.last().note
    unanswered = reverse("enquiries_proactive", args=[EnquiryFactory(title="另一件").pk])
    assert admin_client.get(unanswered).status_code == 302


def test_moving_a_pause_start_is_kept_in_the_history(admin_client):
    enquiry = EnquiryFactory()
    pause = {
        "pauses-TOTAL_FORMS": "1",
        "pauses-0-kind": "third_party",
        "pauses-0-started_on": "2026-03-05",
        "pauses-0-ended_on": "2026-03-10",
        "pauses-0-reason": "征求企业意见",
    }
    assert post(admin_client, enquiry, **pause).status_code == 302
    moved = post(admin_client, enquiry, **{"pauses-0-started_on": "2026-03-04"})
    assert moved.status_code == 302, errors(moved)
    notes = [e.note for e in enquiry.events.all()]
    assert (
        "计时暂停（征求第三方意见（不计入期限））的开始日期由 2026-03-05 改为 2026-03-04" in notes
    )
