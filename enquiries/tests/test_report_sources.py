"""The annual report counts the 规范性文件 that the policies app registers for it."""

import datetime

import pytest

from enquiries.report_build import proactive_table
from policies.models import Validity
from policies.tests.factories import make_policy

pytestmark = pytest.mark.django_db


def test_the_report_counts_live_policies_made_repealed_and_in_force():
    make_policy("2026年制发", written_date=datetime.date(2026, 2, 1), validity=Validity.VALID)
    make_policy(
        "2026年废止",
        written_date=datetime.date(2019, 1, 1),
        validity=Validity.REPEALED,
        expiry_date=datetime.date(2026, 5, 1),
    )
    make_policy("草稿不计", written_date=datetime.date(2026, 3, 1), live=False)
    assert proactive_table(2026)["normative"] == [1, 1, 1]
    assert proactive_table(2025)["normative"] == [0, 0, 1]
