"""The annual report's application table for a small known set of requests, counted by hand,
including requests that cross a year: received in one year and answered in the next."""

import datetime
from types import SimpleNamespace

import pytest

from enquiries import rules
from enquiries.report_build import ReportDataError, build_report
from enquiries.report_tables import check_application_table, count_applications, outcome_row
from home.models import HomePage

from .factories import EnquiryFactory

pytestmark = pytest.mark.django_db
D = datetime.date

#            asker type        received        replied         outcome           ground
KNOWN = [
    ("A", "person", D(2025, 12, 28), D(2026, 1, 8), "disclose", ""),
    ("B", "commercial", D(2026, 3, 2), D(2026, 3, 20), "withhold", "third_party"),
    ("C", "research", D(2026, 5, 6), D(2026, 5, 11), "already_public", ""),
    ("D", "person", D(2026, 6, 1), D(2026, 6, 15), "unable", "not_held"),
    ("E", "legal_service", D(2026, 12, 28), None, "", ""),
    ("F", "person", D(2026, 12, 30), D(2027, 1, 6), "partial", ""),
    ("G", "person", D(2026, 7, 1), D(2026, 7, 20), "other", "no_supplement"),
    ("H", "other_org", D(2026, 8, 3), D(2026, 8, 10), "not_handled", "repeat"),
    ("I", "person", D(2025, 3, 2), D(2025, 3, 10), "disclose", ""),
]


def make_known():
    for title, asker, received, replied, outcome, ground in KNOWN:
        EnquiryFactory(
            title=title,
            asker_type=asker,
            received_on=received,
            replied_on=replied,
            outcome=outcome,
            ground=ground,
            status=("closed" if outcome == "other" else "answered") if replied else "processing",
        )
    # Messages and questions are not requests: never counted in the report.
    EnquiryFactory(kind=rules.MESSAGE, title="留言", received_on=D(2026, 4, 1))
    EnquiryFactory(kind=rules.QUESTION, title="质询", received_on=D(2026, 4, 1))


def row(*numbers):
    """Six applicant columns (自然人 … 其他组织) and the 总计."""
    return [*numbers, sum(numbers)]


ZERO = row(0, 0, 0, 0, 0, 0)


def test_the_2026_table():
    make_known()
    page, created = build_report(2026, "示例区人民政府", HomePage.objects.first())
    table = page.applications
    assert created and check_application_table(table) == []
    # New in 2026: B C D E F G H; A was received in 2025 and answered in 2026.
    assert table["new"] == row(3, 1, 1, 0, 1, 1)
    assert table["carried_in"] == row(1, 0, 0, 0, 0, 0)
    # Answered in 2026: A (disclose) and C (already public, counted as 予以公开) …
    assert table["disclose"] == row(1, 0, 1, 0, 0, 0)
    assert table["partial"] == ZERO  # F was answered in 2027
    assert table["withhold"] == table["withhold.third_party"] == row(0, 1, 0, 0, 0, 0)
    assert table["withhold.state_secret"] == ZERO
    assert table["unable"] == table["unable.not_held"] == row(1, 0, 0, 0, 0, 0)
    assert table["not_handled"] == table["not_handled.repeat"] == row(0, 0, 0, 0, 0, 1)
    assert table["other"] == table["other.no_supplement"] == row(1, 0, 0, 0, 0, 0)
    assert table["results_total"] == row(3, 1, 1, 0, 0, 1)
    # Still open at the end of 2026: E (not answered) and F (answered on 6 January 2027).
    assert table["carried_out"] == row(1, 0, 0, 0, 1, 0)
    # new + carried in = answered + carried out: 7 + 1 = 6 + 2
    assert table["new"][-1] + table["carried_in"][-1] == 8
    assert table["results_total"][-1] + table["carried_out"][-1] == 8


def test_the_next_year_takes_over_what_was_carried_out():
    make_known()
    table = build_report(2027, "示例区人民政府", HomePage.objects.first())[0].applications
    assert check_application_table(table) == []
    assert table["new"] == ZERO
    assert table["carried_in"] == row(1, 0, 0, 0, 1, 0)  # E and F
    assert table["partial"] == table["results_total"] == row(1, 0, 0, 0, 0, 0)  # F
    assert table["carried_out"] == row(0, 0, 0, 0, 1, 0)  # E, still waiting


def test_the_previous_year_counts_its_own_requests_only():
    make_known()
    table = build_report(2025, "示例区人民政府", HomePage.objects.first())[0].applications
    assert check_application_table(table) == []
    assert table["new"] == row(2, 0, 0, 0, 0, 0)  # A and I
    assert table["carried_in"] == ZERO
    assert table["disclose"] == table["results_total"] == row(1, 0, 0, 0, 0, 0)  # I
    assert table["carried_out"] == row(1, 0, 0, 0, 0, 0)  # A, answered in January 2026


def test_rebuilding_the_report_counts_a_late_reply():
    make_known()
    home = HomePage.objects.first()
    page, _ = build_report(2026, "示例区人民政府", home)
    assert page.applications["carried_out"][-1] == 2
    from enquiries.models import Enquiry

    late = Enquiry.objects.get(title="E")
    late.status, late.outcome, late.replied_on = "answered", "disclose", D(2026, 12, 31)
    late.save()
    page, created = build_report(2026, "示例区人民政府", home)
    assert not created
    assert page.applications["carried_out"] == row(1, 0, 0, 0, 0, 0)
    assert page.applications["disclose"] == row(1, 0, 1, 0, 1, 0)


@pytest.mark.parametrize(
    "fields,problem",
    [
        (
            {"received_on": D(2026, 3, 10), "replied_on": D(2026, 3, 9), "outcome": "disclose"},
            "的答复日期 2026-03-09 早于收到日期 2026-03-10",
        ),
        ({"status": "answered", "outcome": "disclose"}, "已办结，但没有答复日期"),
        ({"status": "closed", "replied_on": D(2026, 3, 9)}, "已办结，但没有答复类型"),
    ],
)
def test_inconsistent_data_is_refused_naming_the_request(fields, problem):
    bad = EnquiryFactory(title="有问题的申请", **fields)
    with pytest.raises(ReportDataError) as raised:
        build_report(2026, "示例区人民政府", HomePage.objects.first())
    [message] = raised.value.problems
    assert f"申请 {bad.display_tracking_number}“有问题的申请”" in message and problem in message


@pytest.mark.parametrize(
    "outcome,ground,key",
    [
        ("disclose", "", "disclose"),
        ("already_public", "", "disclose"),
        ("partial", "", "partial"),
        ("withhold", "state_secret", "withhold.state_secret"),
        ("unable", "still_unclear", "unable.still_unclear"),
        ("not_handled", "mass", "not_handled.mass"),
        ("other", "no_fee", "other.no_fee"),
        # A ground that does not belong to the outcome falls to that outcome's last line.
        ("withhold", "not_held", "withhold.inquiry"),
        ("", "", "other.other"),
    ],
)
def test_each_outcome_lands_on_its_report_line(outcome, ground, key):
    assert outcome_row(outcome, ground) == key


def test_counting_needs_no_database_and_skips_later_years():
    plain = [
        SimpleNamespace(
            asker_type="public_interest",
            received_on=D(2026, 2, 1),
            replied_on=D(2026, 2, 10),
            outcome="disclose",
            ground="",
        ),
        SimpleNamespace(
            asker_type="unknown", received_on=D(2027, 1, 4), replied_on=None, outcome="", ground=""
        ),
    ]
    table = count_applications(plain, 2026)
    assert table["new"] == row(0, 0, 0, 1, 0, 0)
    assert table["disclose"] == table["results_total"] == row(0, 0, 0, 1, 0, 0)
    assert count_applications(plain, 2027)["new"] == row(0, 0, 0, 0, 0, 1)  # unknown → 其他
