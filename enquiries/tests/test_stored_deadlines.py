"""The stored deadline follows every change: a pause ends, an extension is removed, a year's
放假安排 is entered or withdrawn. Each move is a history row the citizen sees on the status
page, and the status page and the queue show the new date."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from enquiries import rules
from enquiries.models import Enquiry, Extension, Status

from .factories import EnquiryFactory
from .test_answering import edit_url
from .test_officer import EXTENSION, errors, post

pytestmark = pytest.mark.django_db
D = datetime.date
ADD_ARRANGEMENT = "wagtailsnippets_workdays_holidayarrangement:add"
DELETE_ARRANGEMENT = "wagtailsnippets_workdays_holidayarrangement:delete"
RECOUNT = "（2027年放假安排已录入或修改，按新的工作日历重新计算）"


def status_page(client, enquiry, tail="5678"):
    """What the citizen reads after typing the tracking number and the phone's last digits."""
    response = client.post(
        reverse("enquiries:status"),
        {"tracking_number": enquiry.display_tracking_number, "phone_tail": tail},
    )
    assert response.status_code == 200
    return response.content.decode()


def notes(enquiry):
    return [e.note for e in Enquiry.objects.get(pk=enquiry.pk).events.all()]


SUPPLEMENT = {
    "pauses-TOTAL_FORMS": "1",
    "pauses-0-kind": "supplement",
    "pauses-0-started_on": "2026-11-04",
    "pauses-0-ended_on": "",
    "pauses-0-reason": "申请内容不明确，已书面告知补正",
}


def test_a_supplement_stops_the_clock_and_its_end_restarts_it(admin_client, client):
    # Received Mon 2 Nov 2026: 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), 30 Nov (20).
    enquiry = EnquiryFactory(received_on=D(2026, 11, 2))
    assert enquiry.due_on == D(2026, 11, 30)
    response = post(admin_client, enquiry, **SUPPLEMENT)
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.due_on is None and enquiry.status == Status.SUPPLEMENT
    assert "答复期限由 2026-11-30 改为 （空）" in notes(enquiry)
    assert "计时暂停中（待申请人补正）" in status_page(client, enquiry)
    assert "计时暂停中" in admin_client.get(edit_url(enquiry)).content.decode()

    # The completed request arrives on Mon 16 Nov: 17–20 (4), 23–27 (9), 30 Nov–4 Dec (14),
    # 7–11 Dec (19), 14 Dec (20).
    response = post(admin_client, enquiry, **{"pauses-0-ended_on": "2026-11-16"})
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.due_on == D(2026, 12, 14) and enquiry.status == Status.PROCESSING
    history = notes(enquiry)
    assert "计时恢复（等待申请人补正（补正后重新计算）），2026-11-16 结束" in history
    assert "答复期限由 （空） 改为 2026-12-14" in history
    page = status_page(client, enquiry)
    assert "2026年12月14日前" in page and "办理中" in page
    assert "答复期限由 （空） 改为 2026-12-14" in page


def test_an_open_consultation_has_a_deadline_that_its_answer_brings_forward(admin_client, client):
    # Received Mon 21 Sep 2026, due 26 Oct (中秋 and 国庆 skipped).
    enquiry = EnquiryFactory(received_on=D(2026, 9, 21))
    assert enquiry.due_on == D(2026, 10, 26)
    pause = {
        "pauses-TOTAL_FORMS": "1",
        "pauses-0-kind": "third_party",
        "pauses-0-started_on": "2026-09-29",
        "pauses-0-ended_on": "",
        "pauses-0-reason": "征求相关企业意见",
    }
    assert post(admin_client, enquiry, **pause).status_code == 302
    enquiry.refresh_from_db()
    # While the company has not answered, at most 15 working days are not counted:
    # 26 Oct + 15 = 16 Nov; the citizen sees that date and the consultation.
    assert enquiry.due_on == D(2026, 11, 16) and enquiry.status == Status.CONSULTING
    assert "答复期限由 2026-10-26 改为 2026-11-16" in notes(enquiry)
    page = status_page(client, enquiry)
    assert "2026年11月16日前" in page and "征求第三方意见" in page
    # The company answers on 9 Oct: 30 Sep, 8 and 9 Oct are not counted → 29 Oct.
    assert post(admin_client, enquiry, **{"pauses-0-ended_on": "2026-10-09"}).status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.due_on == D(2026, 10, 29) and enquiry.status == Status.PROCESSING
    assert "答复期限由 2026-11-16 改为 2026-10-29" in notes(enquiry)


def test_removing_an_extension_puts_the_deadline_back(admin_client):
    enquiry = EnquiryFactory()  # received 2 March 2026, due 30 March
    assert post(admin_client, enquiry, **EXTENSION).status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.due_on == D(2026, 4, 28)
    letter = reverse("enquiries_letter_kind", args=[enquiry.pk, "extension"])
    assert admin_client.get(letter).status_code == 200
    response = post(admin_client, enquiry, **{"extensions-0-DELETE": "on"})
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert not Extension.objects.filter(enquiry=enquiry).exists()
    assert enquiry.due_on == D(2026, 3, 30)
    assert "答复期限由 2026-04-28 改为 2026-03-30" in notes(enquiry)
    assert admin_client.get(letter).status_code == 404  # no extension, no notice to print


def test_a_shorter_extension_moves_the_deadline_by_its_own_days(admin_client):
    enquiry = EnquiryFactory()  # due 30 March 2026
    response = post(admin_client, enquiry, **{**EXTENSION, "extensions-0-days": "5"})
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    # 31 Mar (1), 1–3 Apr (4), 清明 4–6 Apr off, 7 Apr (5).
    assert enquiry.due_on == D(2026, 4, 7)
    # Lengthening it later to the full 20 moves it again: 8–10 (3), 13–17 (8), 20–24 (13),
    # 27–30 (17), 劳动节 off, 6–8 May (20).
    assert post(admin_client, enquiry, **{"extensions-0-days": "20"}).status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.due_on == D(2026, 4, 28)
    assert "答复期限由 2026-04-07 改为 2026-04-28" in notes(enquiry)


def test_moving_the_received_date_back_moves_the_deadline(admin_client, client):
    enquiry = EnquiryFactory(received_on=D(2026, 10, 12))
    # 13–16 (4), 19–23 (9), 26–30 (14), 2–6 Nov (19), 9 Nov (20).
    assert enquiry.due_on == D(2026, 11, 9)
    response = post(
        admin_client, enquiry, received_on="2026-09-30", received_reason="邮寄申请，邮戳日期"
    )
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert (enquiry.received_on, enquiry.due_on) == (D(2026, 9, 30), D(2026, 11, 3))
    history = notes(enquiry)
    assert "收到日期由 2026-10-12 改为 2026-09-30，原因：邮寄申请，邮戳日期" in history
    assert "答复期限由 2026-11-09 改为 2026-11-03" in history
    page = status_page(client, enquiry)
    assert "2026年9月30日" in page and "2026年11月3日前" in page


# ---- a year the holiday package does not know ---------------------------------------------


def arrangement_2027():
    """A made-up 2027 arrangement: 1–3 January off and Saturday 9 January worked (调休)."""
    rows = [
        {"festival": "元旦", "kind": "holiday", "start": "2027-01-01", "end": "2027-01-03"},
        {"festival": "元旦", "kind": "workday", "start": "2027-01-09", "end": ""},
    ]
    return nested_form_data(
        {
            "year": 2027,
            "notice": "国务院办公厅关于2027年部分节假日安排的通知",
            "notice_url": "",
            "days": inline_formset(rows),
        }
    )


def year_end_items():
    request = EnquiryFactory(received_on=D(2026, 12, 21), title="跨年的申请")
    question = EnquiryFactory(kind=rules.QUESTION, received_on=D(2026, 12, 30), title="跨年质询")
    message = EnquiryFactory(kind=rules.MESSAGE, received_on=D(2026, 12, 31), title="跨年留言")
    answered = EnquiryFactory(received_on=D(2026, 12, 1), title="已答复的申请")
    answered.extensions = [
        Extension(
            days=20,
            decided_on=D(2026, 12, 2),
            approved_by="李局长",
            reason="需调取档案",
            notice_sent_on=D(2026, 12, 2),
        )
    ]
    answered.status, answered.outcome, answered.replied_on = "answered", "disclose", D(2026, 12, 4)
    answered.save()
    return request, question, message, answered


def test_entering_an_unknown_years_arrangement_moves_open_deadlines(admin_client, client):
    request, question, message, answered = year_end_items()
    # 2027 counted on its statutory days off only (1 January):
    # request 22–25 Dec (4), 28–31 (8), 4–8 Jan (13), 11–15 (18), 18–19 (20);
    # question 31 Dec (1), 4–8 Jan (6), 11–14 (10); message 4–8 Jan (5);
    # the answered request: 1 Dec + 40 working days → 27 Jan.
    before = {e.title: e.due_on for e in (request, question, message, answered)}
    assert before == {
        "跨年的申请": D(2027, 1, 19),
        "跨年质询": D(2027, 1, 14),
        "跨年留言": D(2027, 1, 8),
        "已答复的申请": D(2027, 1, 27),
    }
    panel = admin_client.get(edit_url(request)).content.decode()
    assert "工作日历还没有2027年的放假安排" in panel
    counts = {e.pk: e.events.count() for e in (request, question, message, answered)}

    response = admin_client.post(reverse(ADD_ARRANGEMENT), arrangement_2027())
    assert response.status_code == 302, response.content.decode()[:2000]

    # With Saturday 9 January worked, the request and the question end a day earlier.
    after = {e.title: e.due_on for e in Enquiry.objects.all()}
    assert after == {**before, "跨年的申请": D(2027, 1, 18), "跨年质询": D(2027, 1, 13)}
    request_note = Enquiry.objects.get(pk=request.pk).events.last()
    assert request_note.note == "答复期限由 2027-01-19 改为 2027-01-18" + RECOUNT
    assert request_note.actor == "系统"
    assert notes(question)[-1] == "答复期限由 2027-01-14 改为 2027-01-13" + RECOUNT
    # Unmoved and finished items get no row.
    for item in (message, answered):
        assert item.events.count() == counts[item.pk]
    assert (
        "工作日历还没有2027年的放假安排" not in admin_client.get(edit_url(request)).content.decode()
    )
    page = status_page(client, request)
    assert "2027年1月18日前" in page and "2027年放假安排已录入或修改" in page


def test_withdrawing_the_arrangement_recounts_on_the_statutory_days_again(admin_client):
    request, *_rest = year_end_items()
    assert admin_client.post(reverse(ADD_ARRANGEMENT), arrangement_2027()).status_code == 302
    request.refresh_from_db()
    assert request.due_on == D(2027, 1, 18)
    from workdays.models import HolidayArrangement

    year = HolidayArrangement.objects.get(year=2027)
    response = admin_client.post(reverse(DELETE_ARRANGEMENT, args=[year.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.due_on == D(2027, 1, 19)
    assert notes(request)[-1] == "答复期限由 2027-01-18 改为 2027-01-19" + RECOUNT


def test_a_paused_item_keeps_no_deadline_through_a_recount(admin_client):
    from enquiries.models import ClockPause

    paused = EnquiryFactory(received_on=D(2026, 12, 21))
    paused.pauses = [
        ClockPause(kind="supplement", started_on=D(2026, 12, 22), reason="申请内容不明确")
    ]
    paused.save()
    assert paused.due_on is None
    rows = paused.events.count()
    assert admin_client.post(reverse(ADD_ARRANGEMENT), arrangement_2027()).status_code == 302
    paused.refresh_from_db()
    assert paused.due_on is None and paused.events.count() == rows
    assert paused.status == Status.SUPPLEMENT


def test_the_queue_shows_an_item_overdue_once_its_deadline_has_passed(admin_client):
    # 2 March 2026 + 20 working days = 30 March: long past, so it is overdue today.
    overdue = EnquiryFactory(title="三月份的申请")
    assert overdue.clock_state() == "overdue"
    assert overdue.clock_state(today=D(2026, 3, 30)) == "due_soon"
    assert overdue.clock_state(today=D(2026, 3, 20)) == "on_time"
    listing = admin_client.get(reverse("enquiries_request:index")).content.decode()
    assert "三月份的申请" in listing and "已逾期" in listing


def test_a_consultation_nobody_closes_shows_up_overdue_on_the_dashboard(admin_client):
    from enquiries.models import ClockPause

    forgotten = EnquiryFactory(received_on=D(2026, 9, 21), title="征求意见后无人跟进的申请")
    forgotten.pauses = [
        ClockPause(kind="third_party", started_on=D(2026, 9, 29), reason="征求企业意见")
    ]
    forgotten.save()
    # 26 Oct + at most 15 working days not counted = 16 Nov, long before today.
    assert forgotten.due_on == D(2026, 11, 16) and forgotten.status == Status.CONSULTING
    assert forgotten.clock_state(today=D(2026, 11, 17)) == "overdue"
    assert forgotten in Enquiry.objects.overdue(today=D(2026, 11, 17))
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "申请与留言：逾期和即将到期" in page and "征求意见后无人跟进的申请" in page
