"""Every check of the officer's form, one case a row: the Chinese message shown and nothing
saved, or the form accepted and the deadline the Regulations give."""

import datetime

import pytest
from django.utils import timezone

from enquiries import rules

from .factories import EnquiryFactory
from .test_answering import edit_url
from .test_officer import EXTENSION, errors, post, refused

pytestmark = pytest.mark.django_db
D = datetime.date


def tomorrow():
    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


def today():
    return timezone.localdate().isoformat()


# ---- the received date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "days_after_filing,reason,message",
    [
        (1, "邮寄", "不能晚于系统记录的提交日期"),
        (-3, "", "更改收到日期须写明原因（如：邮寄申请，邮戳日期）"),
        (-3, "   ", "更改收到日期须写明原因"),
    ],
)
def test_the_received_date_moves_only_back_and_only_with_a_reason(
    admin_client, days_after_filing, reason, message
):
    enquiry = EnquiryFactory()
    filed = timezone.localdate(enquiry.created_at)  # the day in China, not in UTC
    moved = filed + datetime.timedelta(days=days_after_filing)
    shown = refused(admin_client, enquiry, received_on=moved.isoformat(), received_reason=reason)
    assert message in shown


def test_an_unchanged_received_date_needs_no_reason(admin_client):
    enquiry = EnquiryFactory()
    response = post(admin_client, enquiry, status="processing")
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.status == "processing" and enquiry.received_on == D(2026, 3, 2)
    assert not any("收到日期由" in e.note for e in enquiry.events.all())


# ---- reply dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "replied,message",
    [
        ("2026-03-01", "答复日期不能早于收到日期 2026-03-02"),
        ("2025-12-31", "答复日期不能早于收到日期 2026-03-02"),
        (tomorrow(), "答复日期不能晚于今天"),
        ("", "答复或终止须填写答复日期"),
    ],
)
def test_a_reply_lies_between_receipt_and_today(admin_client, replied, message):
    enquiry = EnquiryFactory()  # received 2 March 2026
    answer = dict(status="answered", outcome="disclose", replied_on=replied)
    assert message in refused(admin_client, enquiry, **answer)


@pytest.mark.parametrize("replied", ["2026-03-02", "2026-03-30", "2026-04-15", today()])
def test_a_reply_on_the_day_of_receipt_late_or_today_is_accepted(admin_client, replied):
    enquiry = EnquiryFactory()
    response = post(
        admin_client, enquiry, status="answered", outcome="disclose", replied_on=replied
    )
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.replied_on.isoformat() == replied and enquiry.clock_state() == "done"


def test_closing_a_request_needs_the_date_and_a_regulation_outcome(admin_client):
    enquiry = EnquiryFactory()
    shown = refused(admin_client, enquiry, status="closed", outcome="answer", replied_on="")
    assert "答复或终止须填写答复日期" in shown
    assert "请选择《政府信息公开条例》规定的答复类型" in shown
    public = dict(status="answered", outcome="already_public", replied_on="2026-03-10")
    assert "已主动公开的，须告知获取该信息的网址" in refused(admin_client, enquiry, **public)


def test_a_message_is_answered_in_words(admin_client):
    message = EnquiryFactory(kind=rules.MESSAGE, title="开放时间")
    answer = dict(status="answered", outcome="withhold", replied_on="2026-03-05", reply="")
    shown = refused(admin_client, message, **answer)
    assert "质询和留言的答复类型为“答复”" in shown and "请填写答复内容" in shown


def test_a_request_cannot_be_made_public_from_its_form(admin_client):
    """The request form has no 公开展示 field: a forged value is ignored."""
    enquiry = EnquiryFactory(allow_public=True)
    assert 'name="moderation"' not in admin_client.get(edit_url(enquiry)).content.decode()
    answer = dict(status="answered", outcome="disclose", replied_on="2026-03-10")
    response = post(admin_client, enquiry, moderation="approved", **answer)
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.status == "answered" and enquiry.moderation == "pending"
    assert not enquiry.is_public


# ---- the extension subform ----------------------------------------------------------------


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"extensions-0-days": "21"}, "延长的期限最长 20 个工作日"),
        (
            {"extensions-0-decided_on": "2026-03-01", "extensions-0-notice_sent_on": "2026-03-01"},
            "批准日期不能早于收到日期 2026-03-02",
        ),
        ({"extensions-0-decided_on": tomorrow()}, "批准日期不能晚于今天"),
        ({"extensions-0-notice_sent_on": "2026-03-19"}, "书面告知日期不能早于批准日期"),
        ({"extensions-0-notice_sent_on": tomorrow()}, "书面告知日期不能晚于今天"),
        # Decided the day after the deadline: too late.
        (
            {"extensions-0-decided_on": "2026-03-31", "extensions-0-notice_sent_on": "2026-03-31"},
            "延期须在原答复期限 2026-03-30 届满前决定并告知申请人",
        ),
    ],
)
def test_the_extension_subform_refuses(admin_client, changes, message):
    enquiry = EnquiryFactory()  # received 2 March 2026, due 30 March
    assert message in refused(admin_client, enquiry, **{**EXTENSION, **changes})
    assert not enquiry.extensions.exists()


@pytest.mark.parametrize(
    "days,decided,expected",
    [
        # Decided on the last day: still in time. 30 Mar + 20 = 28 Apr (清明 off).
        ("20", "2026-03-30", D(2026, 4, 28)),
        # Decided the day after receipt, a shorter extension of 15: 31 Mar–3 Apr (4),
        # 7–10 (8), 13–17 (13), 20–21 (15).
        ("15", "2026-03-03", D(2026, 4, 21)),
    ],
)
def test_the_extension_subform_accepts(admin_client, days, decided, expected):
    enquiry = EnquiryFactory()
    changes = {
        **EXTENSION,
        "extensions-0-days": days,
        "extensions-0-decided_on": decided,
        "extensions-0-notice_sent_on": decided,
    }
    response = post(admin_client, enquiry, **changes)
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert enquiry.due_on == expected


THIRD_PARTY = {
    "pauses-TOTAL_FORMS": "1",
    "pauses-0-kind": "third_party",
    "pauses-0-started_on": "2026-03-05",
    "pauses-0-ended_on": "2026-03-12",
    "pauses-0-reason": "征求企业意见",
}


def test_a_consultation_moves_the_last_day_on_which_to_extend(admin_client):
    # Five working days not counted (6, 9–12 March) move 30 March to 7 April (清明 4–6 off).
    enquiry = EnquiryFactory()
    late = {
        **THIRD_PARTY,
        **EXTENSION,
        "extensions-0-decided_on": "2026-04-08",
        "extensions-0-notice_sent_on": "2026-04-08",
    }
    assert "原答复期限 2026-04-07 届满前" in refused(admin_client, enquiry, **late)
    in_time = {
        **late,
        "extensions-0-decided_on": "2026-04-07",
        "extensions-0-notice_sent_on": "2026-04-07",
    }
    response = post(admin_client, enquiry, **in_time)
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    # 28 April (20 + 20) + 5 paused: 29–30 Apr, 劳动节 off, 6–8 May.
    assert enquiry.due_on == D(2026, 5, 8)


def test_a_second_extension_is_refused_in_chinese(admin_client):
    enquiry = EnquiryFactory()
    two = {
        **EXTENSION,
        "extensions-TOTAL_FORMS": "2",
        "extensions-1-days": "10",
        "extensions-1-decided_on": "2026-03-25",
        "extensions-1-approved_by": "王局长",
        "extensions-1-reason": "再次延期",
        "extensions-1-notice_sent_on": "2026-03-25",
    }
    shown = refused(admin_client, enquiry, **two)
    assert "答复期限只能延长 1 次，已有延期记录，不能再次延期" in shown
    assert not enquiry.extensions.exists()


# ---- pauses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"pauses-0-started_on": "2026-03-01"}, "开始日期不能早于收到日期 2026-03-02"),
        ({"pauses-0-started_on": tomorrow(), "pauses-0-ended_on": ""}, "开始日期不能晚于今天"),
        ({"pauses-0-ended_on": tomorrow()}, "结束日期不能晚于今天"),
        ({"pauses-0-ended_on": "2026-03-04"}, "结束日期不能早于开始日期"),
        # 1 April to 24 April 2026: 2–3, 7–10, 13–17, 20–24 = 16 working days (清明 off).
        (
            {"pauses-0-started_on": "2026-04-01", "pauses-0-ended_on": "2026-04-24"},
            "征求第三方意见不计入期限的时间最长 15 个工作日，所填期间共 16 个工作日",
        ),
        # 14 Sep to 12 Oct: 15–18 Sep (4), Sun 20 (5, 调休), 21–24 (9), 中秋 off, 28–30 (12),
        # 国庆 off, 8–9 Oct (14), Sat 10 (15, 调休), 12 Oct (16).
        (
            {"pauses-0-started_on": "2026-09-14", "pauses-0-ended_on": "2026-10-12"},
            "所填期间共 16 个工作日",
        ),
    ],
)
def test_pause_dates_are_checked(admin_client, changes, message):
    enquiry = EnquiryFactory()
    assert message in refused(admin_client, enquiry, **{**THIRD_PARTY, **changes})
    assert not enquiry.pauses.exists()


def test_fifteen_working_days_of_consultation_are_accepted(admin_client):
    enquiry = EnquiryFactory()  # received 2 March 2026
    fifteen = {
        **THIRD_PARTY,
        "pauses-0-started_on": "2026-04-01",
        "pauses-0-ended_on": "2026-04-23",
    }
    response = post(admin_client, enquiry, **fifteen)
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    # 30 March + 15: 31 Mar–3 Apr (4), 7–10 (8), 13–17 (13), 20–21 (15).
    assert enquiry.due_on == D(2026, 4, 21)


@pytest.mark.parametrize(
    "kind,pause_kind,message",
    [
        (rules.MESSAGE, "third_party", "咨询留言没有征求第三方意见程序"),
        (rules.MESSAGE, "supplement", "咨询留言没有补正程序"),
        (rules.QUESTION, "supplement", "村务质询没有补正程序"),
        (rules.QUESTION, "third_party", "村务质询没有征求第三方意见程序"),
    ],
)
def test_questions_and_messages_have_no_pauses(admin_client, kind, pause_kind, message):
    item = EnquiryFactory(kind=kind, title="村里的路灯")
    shown = refused(admin_client, item, **{**THIRD_PARTY, "pauses-0-kind": pause_kind})
    assert message in shown
    item.refresh_from_db()
    # 2 March + 10 or 5 working days
    assert item.due_on == {rules.QUESTION: D(2026, 3, 16), rules.MESSAGE: D(2026, 3, 9)}[kind]
