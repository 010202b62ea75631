"""The annual report's 行政规范性文件 row counts validity by the policies' one rule."""

import datetime

import pytest

from enquiries.report_build import proactive_table
from policies.models import PolicyPage, RelationType
from policies.tests.factories import make_policy, relate

pytestmark = pytest.mark.django_db
D = datetime.date


def repealer(title, written, target, day, kind=RelationType.REPEALS):
    new = make_policy(title, written_date=written, published_date=written)
    return relate(new, kind, target, date=day)


def test_repeals_and_amendments_by_relation_count_from_their_dates():
    make_policy("本年制发的办法", written_date=D(2020, 3, 1))
    repealed = make_policy("年内被废止的办法", written_date=D(2015, 1, 1))
    repealer("废止前者的决定", D(2019, 11, 1), repealed, D(2020, 6, 1))
    later = make_policy("次年才废止的办法", written_date=D(2015, 2, 1))
    repealer("次年生效的废止决定", D(2019, 12, 1), later, D(2021, 2, 1))
    make_policy(
        "登记为已废止的办法",
        written_date=D(2016, 1, 1),
        validity="已废止",
        expiry_date=D(2020, 4, 1),
    )
    earlier = make_policy("早已废止的办法", written_date=D(2014, 1, 1))
    repealer("上年的废止决定", D(2018, 1, 1), earlier, D(2019, 5, 1))
    amended = make_policy("年内被修订的办法", written_date=D(2016, 5, 1))
    repealer("修订决定", D(2019, 6, 1), amended, D(2020, 1, 5), kind=RelationType.AMENDS)

    made, out, in_force = proactive_table(2020)["normative"]
    assert made == 1  # 本年制发的办法
    assert out == 2  # 年内被废止的办法 (by a relation), 登记为已废止的办法 (失效日期 in 2020)
    # In force at the end of 2020: the new one, the one repealed only in 2021, the amended one
    # and the four decisions.
    assert in_force == 7
    assert PolicyPage.objects.get(title="年内被废止的办法").validity == "有效"  # field untouched
    # The same documents a year later: the 2021 repeal has happened.
    assert proactive_table(2021)["normative"] == [0, 1, 6]
