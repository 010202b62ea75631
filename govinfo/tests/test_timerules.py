import datetime

import pytest

from govinfo import timerules as tr


@pytest.mark.parametrize(
    "text, kind, days, month",
    [
        ("形成或变更之日起20个工作日内", tr.EVENT, 20, 0),
        ("自信息形成或者变更之日起２０个工作日内", tr.EVENT, 20, 0),
        ("批准之日起20日内", tr.APPROVAL, 20, 0),
        ("每月10日前", tr.MONTHLY, 10, 0),
        ("每季度首月20日前", tr.QUARTERLY, 20, 0),
        ("每年1月31日前", tr.YEARLY, 31, 1),
        (" 长期公开 ", tr.STANDING, 0, 0),
    ],
)
def test_parse_the_forms_catalogues_write(text, kind, days, month):
    rule = tr.parse(text)
    assert (rule.kind, rule.days, rule.month) == (kind, days, month)
    assert tr.parse(str(rule)) == rule


@pytest.mark.parametrize(
    "text", ["尽快", "每月32日前", "每年2月30日前", "形成或变更之日起0个工作日内", "", "每周"]
)
def test_bad_rules_get_a_chinese_message(text):
    with pytest.raises(tr.TimeRuleError, match="公开时限"):
        tr.parse(text)


def test_required_period_is_the_newest_with_a_passed_deadline():
    quarterly = tr.parse("每季度首月20日前")
    period = tr.required_period(quarterly, datetime.date(2026, 10, 20))
    assert period.label == "2026年第二季度"  # Q3's deadline is the 20th itself: not yet passed
    period = tr.required_period(quarterly, datetime.date(2026, 10, 21))
    assert (period.label, period.deadline) == ("2026年第三季度", datetime.date(2026, 10, 20))
    yearly = tr.parse("每年1月31日前")
    assert tr.required_period(yearly, datetime.date(2026, 1, 31)).label == "2024年度"
    assert tr.required_period(yearly, datetime.date(2026, 2, 1)).label == "2025年度"
    monthly = tr.parse("每月10日前")
    assert tr.required_period(monthly, datetime.date(2026, 1, 15)).label == "2025年12月"
    assert tr.required_period(tr.parse("长期公开"), datetime.date(2026, 1, 15)) is None
