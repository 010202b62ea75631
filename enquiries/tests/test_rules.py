"""The clock, identity numbers and masking: pure rules with exact expected values."""

import datetime

import pytest

from enquiries import clock, rules
from personaldata import identity as idnumbers
from personaldata import masking
from workdays import calendar as workdays

from .factories import resident_id

D = datetime.date
# 2026 National Day: 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班.
NATIONAL_DAY = {D(2026, 10, d) for d in range(1, 8)}
MAKEUP = {D(2026, 9, 20), D(2026, 10, 10)}


def _working(day):
    return day in MAKEUP or (day not in NATIONAL_DAY and day.weekday() < 5)


class HolidayCalendar:
    """Only 2026's National Day and its two make-up days, written out by hand."""

    @staticmethod
    def add_working_days(start, days):
        day = start
        while days > 0:
            day += datetime.timedelta(days=1)
            days -= _working(day)
        return day

    @staticmethod
    def working_days_between(start, end):
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += _working(day)
        return count


REQUEST = rules.rule_for(rules.REQUEST)
# The default calendar reads the admin-editable 放假安排 table.
pytestmark = pytest.mark.django_db


def test_twenty_working_days_skip_weekends():
    # Received Monday 2 March 2026: day 1 is 3 March; 20 working days end on Monday 30 March.
    assert clock.due_date(REQUEST, D(2026, 3, 2)) == D(2026, 3, 30)


def test_due_date_across_national_day_counts_the_makeup_saturday():
    due = clock.due_date(REQUEST, D(2026, 9, 25), calendar=HolidayCalendar)
    # 9/28–30 (3), 10/8–9 (2), Sat 10/10 (1), 10/12–16 (5), 19–23 (5), 26–29 (4) = 20
    assert due == D(2026, 10, 29)
    assert clock.due_date(REQUEST, D(2026, 9, 25)) == due  # the site calendar knows the holiday


def test_extension_adds_twenty_working_days_once_only():
    once = clock.due_date(REQUEST, D(2026, 3, 2), extensions=1)
    assert once == D(2026, 4, 28)  # 40 working days; 清明 Monday 6 April is a holiday
    assert clock.due_date(REQUEST, D(2026, 3, 2), extensions=2) == once


def test_third_party_pause_is_not_counted_and_capped_at_fifteen_days():
    pause = clock.Pause(clock.THIRD_PARTY, D(2026, 3, 9), D(2026, 3, 13))  # Mon→Fri: 4 days
    assert clock.due_date(REQUEST, D(2026, 3, 2), [pause]) == D(2026, 4, 3)
    long = clock.Pause(clock.THIRD_PARTY, D(2026, 3, 9), D(2026, 5, 29))
    capped = clock.due_date(REQUEST, D(2026, 3, 2), [long])
    assert capped == workdays.add_working_days(D(2026, 3, 30), 15)


def test_open_pause_stops_the_clock_and_supplement_restarts_it():
    open_pause = clock.Pause(clock.SUPPLEMENT, D(2026, 3, 4))
    assert clock.due_date(REQUEST, D(2026, 3, 2), [open_pause]) is None
    done = clock.Pause(clock.SUPPLEMENT, D(2026, 3, 4), D(2026, 3, 16))
    assert clock.due_date(REQUEST, D(2026, 3, 2), [done]) == D(2026, 4, 14)  # 清明 6 April off


def test_village_question_ten_working_days_and_states():
    rule = rules.rule_for(rules.QUESTION)
    assert "10 个工作日" in rule.describe() and "10 日" not in rule.describe()
    due = clock.due_date(rule, D(2026, 11, 10))
    assert due == D(2026, 11, 24)
    assert clock.clock_state(rule, due, D(2026, 11, 25)) == clock.OVERDUE
    assert clock.clock_state(rule, due, D(2026, 11, 20)) == clock.DUE_SOON
    assert clock.clock_state(rule, due, D(2026, 11, 11)) == clock.ON_TIME
    assert clock.clock_state(rule, None, D(2026, 11, 11)) == clock.PAUSED


@pytest.mark.parametrize(
    "number,problem",
    [
        (resident_id(), ""),
        (resident_id().lower(), ""),
        ("320902198001011230" if resident_id()[-1] != "0" else "320902198001011231", "校验位"),
        ("32090219800101123", "18 位"),
        ("990902198001011234", "省级"),
        ("320902198013011234", "出生日期"),
        ("３２０９０２１９８００１０１１２３" + resident_id()[-1], ""),  # full-width digits
    ],
)
def test_resident_id_numbers(number, problem):
    found = idnumbers.id_problem(idnumbers.RESIDENT_ID, number)
    assert (problem in found) if problem else found == ""


def test_credit_code_and_passes():
    assert idnumbers.id_problem(idnumbers.CREDIT_CODE, "91320902MA1DEM000A") == ""
    assert "校验位" in idnumbers.id_problem(idnumbers.CREDIT_CODE, "91320902MA1DEM000B")
    assert idnumbers.id_problem(idnumbers.HK_MACAO_PASS, "H12345678") == ""
    assert idnumbers.id_problem(idnumbers.PASSPORT, "<script>") != ""


def test_masking_names_phones_ids_and_free_text():
    assert masking.mask_name("张三丰") == "张**"
    assert masking.mask_phone("13812345678") == "138****5678"
    text = f"我叫张三，电话13812345678，身份证{resident_id()}，住幸福路8号，邮箱a.b@example.com"
    masked = masking.mask_contact_text(text)
    for secret in ("13812345678", resident_id(), "8号", "a.b@example.com"):
        assert secret not in masked
    assert "138****5678" in masked
