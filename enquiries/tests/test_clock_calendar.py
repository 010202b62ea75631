"""The legal clock on China's real calendar, as an officer or inspector counts it by hand.

Every expected date below is counted day by day in the comment next to it, on the State
Council's 放假安排 as the ``chinese-calendar`` package holds them (2025 and 2026) and on the
statutory days off alone for 2027, a year the package does not know:

2025: 国庆·中秋 10月1日至8日放假，9月28日（周日）、10月11日（周六）上班。
2026: 元旦 1月1日至3日放假，1月4日（周日）上班；春节 2月15日至23日放假，2月14日（周六）、
2月28日（周六）上班；清明 4月4日至6日；劳动节 5月1日至5日放假，5月9日（周六）上班；端午 6月19日
至21日；中秋 9月25日至27日；国庆 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班。
2027 (statutory only): 元旦 1月1日; 春节 2月5日至8日; no make-up days known.

No database: the calendar is the package's (``PACKAGE_ONLY``) or one written out here.
"""

import datetime

import pytest

from enquiries import clock, rules
from workdays.calendar import PACKAGE_ONLY, PACKAGE_YEARS, WorkingCalendar

D = datetime.date
REQUEST = rules.rule_for(rules.REQUEST)
QUESTION = rules.rule_for(rules.QUESTION)
MESSAGE = rules.rule_for(rules.MESSAGE)


def due(rule, received, pauses=(), **kwargs):
    return clock.due_date(rule, received, pauses, calendar=PACKAGE_ONLY, **kwargs)


def test_the_years_these_tables_rely_on():
    assert {2025, 2026} <= PACKAGE_YEARS
    assert 2027 not in PACKAGE_YEARS  # the year-boundary cases count 2027 on statutory days


@pytest.mark.parametrize(
    "received,expected",
    [
        # Plain weeks: Monday 2 March → 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), 30 (20).
        (D(2026, 3, 2), D(2026, 3, 30)),
        # 春节: Fri 13 Feb → Sat 14 (1, 调休), 15–23 off, 24–27 (5), Sat 28 (6, 调休),
        # 2–6 Mar (11), 9–13 (16), 16–19 (20).
        (D(2026, 2, 13), D(2026, 3, 19)),
        # Received on 初一 (a holiday): counting starts on Tue 24 Feb, the first working day:
        # 24–27 (4), Sat 28 (5), 2–6 Mar (10), 9–13 (15), 16–20 (20).
        (D(2026, 2, 17), D(2026, 3, 20)),
        # 国庆: Wed 30 Sep → 8–9 Oct (2), Sat 10 (3, 调休), 12–16 (8), 19–23 (13), 26–30 (18),
        # 2–3 Nov (20).
        (D(2026, 9, 30), D(2026, 11, 3)),
        # Received during the Golden Week: the same count as on the day before it.
        (D(2026, 10, 3), D(2026, 11, 3)),
        (D(2026, 10, 7), D(2026, 11, 3)),
        # Received on the 调休 Saturday (a working day, itself not counted): 12 Oct is day 1,
        # 12–16 (5), 19–23 (10), 26–30 (15), 2–6 Nov (20).
        (D(2026, 10, 10), D(2026, 11, 6)),
        # 2025's eight-day Golden Week: Fri 26 Sep → Sun 28 (1, 调休), 29–30 (3), 1–8 Oct off,
        # 9–10 (5), Sat 11 (6, 调休), 13–17 (11), 20–24 (16), 27–30 (20).
        (D(2025, 9, 26), D(2025, 10, 30)),
        # Received on New Year's Eve 2025: 1–3 Jan off, Sun 4 Jan (1, 调休), 5–9 (6), 12–16 (11),
        # 19–23 (16), 26–29 (20).
        (D(2025, 12, 31), D(2026, 1, 29)),
        # Received on New Year's Eve 2026, into unknown 2027: 1 Jan off by law, 4–8 (5),
        # 11–15 (10), 18–22 (15), 25–29 (20).
        (D(2026, 12, 31), D(2027, 1, 29)),
        # 清明 and 劳动节: Mon 30 Mar → 31 (1), 1–3 Apr (4), 4–6 off, 7–10 (8), 13–17 (13),
        # 20–24 (18), 27–28 (20).
        (D(2026, 3, 30), D(2026, 4, 28)),
    ],
)
def test_a_request_is_answered_within_twenty_working_days(received, expected):
    assert due(REQUEST, received) == expected


@pytest.mark.parametrize(
    "rule,received,expected",
    [
        # 村务质询, 10 working days. 劳动节: Thu 30 Apr → 1–5 May off, 6–8 (3),
        # Sat 9 (4, 调休), 11–15 (9), 18 (10).
        (QUESTION, D(2026, 4, 30), D(2026, 5, 18)),
        # 端午: Thu 18 Jun → 19–21 off, 22–26 (5), 29–30 (7), 1–3 Jul (10).
        (QUESTION, D(2026, 6, 18), D(2026, 7, 3)),
        # Across the year into 2027: Wed 30 Dec → 31 (1), 1 Jan off, 4–8 (6), 11–14 (10).
        (QUESTION, D(2026, 12, 30), D(2027, 1, 14)),
        # 咨询留言, 5 working days. 中秋: Thu 24 Sep → 25–27 off, 28–30 (3), 1–7 Oct off, 8–9 (5).
        (MESSAGE, D(2026, 9, 24), D(2026, 10, 9)),
        # Received on Saturday 9 May 2026 (a 调休 working day): 11–15 May (5).
        (MESSAGE, D(2026, 5, 9), D(2026, 5, 15)),
        # Received on an ordinary Sunday (13 Sep): 14–18 Sep (5).
        (MESSAGE, D(2026, 9, 13), D(2026, 9, 18)),
        # 19 Sep (Sat) → Sun 20 (1, 调休), 21–24 (5).
        (MESSAGE, D(2026, 9, 19), D(2026, 9, 24)),
        # New Year's Eve 2026: 1 Jan 2027 off, 4–8 Jan (5).
        (MESSAGE, D(2026, 12, 31), D(2027, 1, 8)),
    ],
)
def test_village_questions_take_ten_and_messages_five_working_days(rule, received, expected):
    assert due(rule, received) == expected


@pytest.mark.parametrize(
    "extension_days,expected",
    [
        # Received 30 Sep 2026, due 3 Nov; +20: 4–6 Nov (3), 9–13 (8), 16–20 (13), 23–27 (18),
        # 30 Nov–1 Dec (20).
        (20, D(2026, 12, 1)),
        # +10: 4–6 (3), 9–13 (8), 16–17 (10).
        (10, D(2026, 11, 17)),
        (0, D(2026, 11, 3)),
        # More than the Regulations allow is counted as the 20 they allow.
        (25, D(2026, 12, 1)),
        (40, D(2026, 12, 1)),
    ],
)
def test_the_one_extension_adds_at_most_twenty_working_days(extension_days, expected):
    assert due(REQUEST, D(2026, 9, 30), extension_days=extension_days) == expected


def test_counted_extensions_stop_at_one():
    once = due(REQUEST, D(2026, 9, 30), extensions=1)
    assert once == D(2026, 12, 1)
    assert due(REQUEST, D(2026, 9, 30), extensions=2) == once
    # Questions and messages cannot be extended at all.
    assert due(MESSAGE, D(2026, 9, 24), extensions=1) == D(2026, 10, 9)
    assert due(QUESTION, D(2026, 4, 30), extension_days=20) == D(2026, 5, 18)


def third_party(start, end=None):
    return clock.Pause(clock.THIRD_PARTY, start, end)


def supplement(start, end=None):
    return clock.Pause(clock.SUPPLEMENT, start, end)


def test_third_party_days_across_the_golden_week_count_only_working_days():
    # Received Mon 21 Sep 2026: 22–24 (3), 25 中秋 off, 28–30 (6), 8–9 Oct (8), Sat 10 (9),
    # 12–16 (14), 19–23 (19), 26 (20).
    assert due(REQUEST, D(2026, 9, 21)) == D(2026, 10, 26)
    # Waiting for the third party from 29 Sep to 9 Oct: eleven calendar days, but only
    # 30 Sep, 8 and 9 Oct are working days, so the deadline moves three: 27, 28, 29 Oct.
    paused = [third_party(D(2026, 9, 29), D(2026, 10, 9))]
    assert due(REQUEST, D(2026, 9, 21), paused) == D(2026, 10, 29)


@pytest.mark.parametrize(
    "end,expected",
    [
        # Received Mon 30 Mar 2026, due Tue 28 Apr. A pause from Wed 1 Apr: 2–3 Apr (2),
        # 清明 off, 7–10 (6), 13–17 (11), 20–22 (14) ends on 22 Apr: 14 days.
        # 28 Apr + 14: 29–30 (2), 劳动节 off, 6–8 May (5), Sat 9 (6), 11–15 (11), 18–20 (14).
        (D(2026, 4, 22), D(2026, 5, 20)),
        # Ending on 23 Apr: exactly 15 days, the most not counted → Thu 21 May.
        (D(2026, 4, 23), D(2026, 5, 21)),
        # Longer waits are counted as 15 days only.
        (D(2026, 4, 24), D(2026, 5, 21)),
        (D(2026, 6, 30), D(2026, 5, 21)),
    ],
)
def test_the_third_party_pause_is_not_counted_up_to_fifteen_working_days(end, expected):
    assert due(REQUEST, D(2026, 3, 30), [third_party(D(2026, 4, 1), end)]) == expected


def test_waiting_for_the_applicant_stops_the_clock():
    assert due(REQUEST, D(2026, 9, 21), [supplement(D(2026, 9, 22))]) is None
    # A finished consultation does not restart a clock the applicant still stops.
    both = [third_party(D(2026, 9, 22), D(2026, 9, 24)), supplement(D(2026, 9, 28))]
    assert due(REQUEST, D(2026, 9, 21), both) is None


def test_an_open_consultation_stops_the_clock_for_fifteen_working_days_at_most():
    """Art. 32–33: the third party has 15 working days; after that the clock runs again, so
    a consultation nobody closes cannot keep a request from ever becoming overdue."""
    # Received Mon 21 Sep 2026, due 26 Oct; consulting since 29 Sep, no answer recorded:
    # 26 Oct + 15 → 27–30 Oct (4), 2–6 Nov (9), 9–13 (14), 16 Nov (15).
    still_open = [third_party(D(2026, 9, 29))]
    assert due(REQUEST, D(2026, 9, 21), still_open) == D(2026, 11, 16)
    assert clock.clock_state(REQUEST, D(2026, 11, 16), D(2026, 11, 17)) == clock.OVERDUE
    # The answer recorded on 9 Oct brings the date back to 29 Oct.
    assert due(REQUEST, D(2026, 9, 21), [third_party(D(2026, 9, 29), D(2026, 10, 9))]) == D(
        2026, 10, 29
    )
    # The same open consultation of a 15-day maximum as a closed one that ran longer.
    longer = [third_party(D(2026, 9, 29), D(2026, 11, 30))]
    assert due(REQUEST, D(2026, 9, 21), longer) == D(2026, 11, 16)


@pytest.mark.parametrize(
    "received,completed,expected",
    [
        # Completed Wed 30 Dec 2026: the 20 days restart then: 31 Dec (1), 1 Jan off,
        # 4–8 Jan (6), 11–15 (11), 18–22 (16), 25–28 (20).
        (D(2026, 12, 21), D(2026, 12, 30), D(2027, 1, 28)),
        # Completed on a holiday (2 Oct): the restart counts from the first working day, 8 Oct.
        (D(2026, 9, 14), D(2026, 10, 2), D(2026, 11, 3)),
        # Completed on the very day of receipt: nothing changes.
        (D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 30)),
        # Completed after 春节: Tue 24 Feb → 25–27 (3), Sat 28 (4), 2–6 Mar (9), 9–13 (14),
        # 16–20 (19), 23 (20).
        (D(2026, 2, 10), D(2026, 2, 24), D(2026, 3, 23)),
    ],
)
def test_the_clock_restarts_when_the_completed_request_arrives(received, completed, expected):
    pauses = [supplement(received, completed)]
    assert clock.clock_start(received, pauses) == completed
    assert due(REQUEST, received, pauses) == expected


def test_a_third_party_pause_before_the_restart_does_not_count_twice():
    # The days before the completed request arrived are not counted at all, so a
    # consultation in that time adds nothing.
    pauses = [
        third_party(D(2026, 12, 22), D(2026, 12, 24)),
        supplement(D(2026, 12, 22), D(2026, 12, 30)),
    ]
    assert due(REQUEST, D(2026, 12, 21), pauses) == D(2027, 1, 28)


def test_supplement_third_party_and_extension_together():
    # Received 30 Sep 2026, due 3 Nov; extended by 20 to 1 Dec; a consultation from Mon 12 to
    # Fri 16 Oct stops the clock for 13–16 Oct (4 days): 2, 3, 4, 7 Dec.
    pauses = [third_party(D(2026, 10, 12), D(2026, 10, 16))]
    assert due(REQUEST, D(2026, 9, 30), pauses, extension_days=20) == D(2026, 12, 7)
    # The same with a supplement completed on Thu 8 Oct: the 20 days restart then, 9 Oct (1),
    # Sat 10 (2), 12–16 (7), 19–23 (12), 26–30 (17), 2–4 Nov (20); +4 paused → 5, 6, 9, 10 Nov.
    pauses.append(supplement(D(2026, 10, 1), D(2026, 10, 8)))
    assert due(REQUEST, D(2026, 9, 30), pauses) == D(2026, 11, 10)
    # Extended: 4 Nov + 20 = 2 Dec (5–6, 9–13, 16–20, 23–27, 30 Nov–2 Dec); +4 → 8 Dec.
    assert due(REQUEST, D(2026, 9, 30), pauses, extension_days=20) == D(2026, 12, 8)


@pytest.mark.parametrize(
    "rule,due_on,today,state",
    [
        # Due Fri 9 Oct 2026, seen on Wed 30 Sep: nine calendar days but only two working days
        # (8 and 9 Oct) left, so a request is already "due soon" (≤ 3).
        (REQUEST, D(2026, 10, 9), D(2026, 9, 30), clock.DUE_SOON),
        # A message warns only one working day ahead: two is still on time.
        (MESSAGE, D(2026, 10, 9), D(2026, 9, 30), clock.ON_TIME),
        (QUESTION, D(2026, 10, 9), D(2026, 9, 30), clock.DUE_SOON),
        # Seen on the 中秋 holiday (25 Sep): 28–30 Sep and 8–9 Oct are five working days.
        (REQUEST, D(2026, 10, 9), D(2026, 9, 25), clock.ON_TIME),
        # On the last day it is due soon, the day after (the 调休 Saturday) overdue.
        (REQUEST, D(2026, 10, 9), D(2026, 10, 9), clock.DUE_SOON),
        (REQUEST, D(2026, 10, 9), D(2026, 10, 10), clock.OVERDUE),
        (MESSAGE, D(2026, 10, 9), D(2026, 10, 11), clock.OVERDUE),
        # A deadline on the last working day of 2026 is overdue on New Year's Day 2027.
        (REQUEST, D(2026, 12, 31), D(2027, 1, 1), clock.OVERDUE),
        (REQUEST, D(2027, 1, 6), D(2026, 12, 31), clock.DUE_SOON),  # 4, 5, 6 Jan
        (REQUEST, D(2027, 1, 7), D(2026, 12, 31), clock.ON_TIME),
    ],
)
def test_what_the_queue_says_about_a_deadline(rule, due_on, today, state):
    assert clock.clock_state(rule, due_on, today, calendar=PACKAGE_ONLY) == state


def test_answered_items_are_done_and_paused_items_have_no_deadline():
    late = D(2026, 12, 1)
    assert clock.clock_state(REQUEST, D(2026, 3, 30), late, answered=True) == clock.DONE
    assert clock.clock_state(REQUEST, None, late, calendar=PACKAGE_ONLY) == clock.PAUSED
    assert clock.STATE_LABELS[clock.PAUSED] == "计时暂停"
    assert clock.STATE_LABELS[clock.OVERDUE] == "已逾期"


def test_an_arrangement_entered_for_an_unknown_year_replaces_the_statutory_guess():
    # A made-up 2027 arrangement: 1–3 Jan off and Saturday 9 Jan worked (调休).
    entered = WorkingCalendar(
        {D(2027, 1, d): False for d in (1, 2, 3)} | {D(2027, 1, 9): True},
        arranged_years=[2027],
    )
    assert entered.knows_year(2027) and not PACKAGE_ONLY.knows_year(2027)
    # Received Mon 21 Dec 2026. Statutory only: 22–25 (4), 28–31 (8), 4–8 Jan (13),
    # 11–15 (18), 18–19 (20) → 19 Jan. With the Saturday worked: 4–8 (13), Sat 9 (14),
    # 11–15 (19), 18 (20) → 18 Jan.
    assert due(REQUEST, D(2026, 12, 21)) == D(2027, 1, 19)
    assert clock.due_date(REQUEST, D(2026, 12, 21), calendar=entered) == D(2027, 1, 18)
    # The 2026 days still come from the package (1–3 Jan 2026 off, Sun 4 Jan worked).
    assert clock.due_date(REQUEST, D(2025, 12, 31), calendar=entered) == D(2026, 1, 29)


def test_statutory_spring_festival_of_an_unknown_year_is_not_worked():
    # 2027: 除夕 5 Feb (Fri) to 初三 8 Feb (Mon) are off by law. A message received Thu 4 Feb
    # 2027: 5 Feb off, weekend, 8 Feb off, 9–12 Feb (4), 15 Feb (5).
    assert due(MESSAGE, D(2027, 2, 4)) == D(2027, 2, 15)
    # A question received Mon 1 Feb 2027: 2–4 (3), 5–8 off, 9–12 (7), 15–17 (10).
    assert due(QUESTION, D(2027, 2, 1)) == D(2027, 2, 17)


def test_a_calendar_day_rule_ignores_holidays():
    """A rule counted in calendar days (unit CALENDAR) adds days as they come."""
    rule = rules.ClockRule(kind="test", limit=10, unit=rules.CALENDAR, third_party_pause=3)
    assert rule.unit_label == "日"
    assert "自收到之日起 10 日内答复" in rule.describe()
    assert due(rule, D(2026, 9, 30)) == D(2026, 10, 10)
    # A pause of four calendar days is capped at this rule's three.
    assert due(rule, D(2026, 9, 30), [third_party(D(2026, 10, 1), D(2026, 10, 5))]) == D(
        2026, 10, 13
    )
    assert due(rule, D(2026, 9, 30), [third_party(D(2026, 10, 1), D(2026, 10, 3))]) == D(
        2026, 10, 12
    )


def test_the_sentences_forms_and_letters_print():
    assert REQUEST.describe() == (
        "受理机关自收到之日起 20 个工作日内答复；情况复杂的，可延长一次，不超过 20 个工作日，"
        "并书面告知；征求第三方意见的时间（最长 15 个工作日）不计算在内；申请内容不明确的，"
        "将一次性告知补正，期限自收到补正后的申请起重新计算。"
    )
    assert (
        QUESTION.describe() == "村民委员会（经村务监督委员会审核）自收到之日起 10 个工作日内答复。"
    )
    assert MESSAGE.describe() == "承办部门自收到之日起 5 个工作日内答复。"
    assert [rules.KIND_LABELS[k] for k in rules.RULES] == [
        "政府信息公开申请",
        "村务质询",
        "咨询留言",
    ]
    assert (REQUEST.max_extensions, QUESTION.max_extensions, MESSAGE.max_extensions) == (1, 0, 0)
    assert QUESTION.committee_review and not REQUEST.public
