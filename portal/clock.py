"""The 纠错 clock: a report on the site is handled within 3 working days (政府网站与政务新媒体
检查指标, as sites apply it: 我为政府网站找错 messages answered within three working days), counted
on China's working-day calendar (``workdays.calendar``: statutory holidays and 调休)."""

LIMIT_WORKING_DAYS = 3
DUE_SOON_WORKING_DAYS = 1

ON_TIME, DUE_SOON, OVERDUE, DONE = "on_time", "due_soon", "overdue", "done"
STATE_LABELS = {ON_TIME: "期限内", DUE_SOON: "即将到期", OVERDUE: "已逾期", DONE: "已办结"}


def default_calendar():
    from workdays import calendar

    return calendar


def due_date(received, calendar=None):
    """The last day to handle a report received on ``received`` (counted from the next day)."""
    return (calendar or default_calendar()).add_working_days(received, LIMIT_WORKING_DAYS)


def state(due, today, closed=False, calendar=None):
    if closed:
        return DONE
    if today > due:
        return OVERDUE
    calendar = calendar or default_calendar()
    if calendar.working_days_between(today, due) <= DUE_SOON_WORKING_DAYS:
        return DUE_SOON
    return ON_TIME


def describe():
    return f"收到后 {LIMIT_WORKING_DAYS} 个工作日内处理（节假日顺延）"
