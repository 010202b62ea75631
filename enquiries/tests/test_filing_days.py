"""The day an online filing is received is the day in China (Asia/Shanghai), whatever the hour
in UTC; a filing on a holiday or at night is counted from the next working day, and the page
the citizen sees right after filing says so."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse

from enquiries import rules
from enquiries.models import Enquiry

from .test_asking import request_data

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def file_at(client, moment, url="enquiries:ask_request", data=None):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        response = client.post(reverse(url), data or request_data())
        assert response.status_code == 302, response.content.decode()[:2000]
        return client.get(reverse("enquiries:received")).content.decode()


@pytest.mark.parametrize(
    "moment,received,due",
    [
        # 17:00 UTC on 30 Sep is 01:00 on 1 Oct in China, the first day of the Golden Week:
        # counted from 8 Oct → 8–9 (2), Sat 10 (3), 12–16 (8), 19–23 (13), 26–30 (18), 2–3 Nov.
        (datetime.datetime(2026, 9, 30, 17, 0, tzinfo=UTC), "2026年10月1日", "2026年11月3日"),
        # 15:59 UTC is still 23:59 on 30 September in China: the same deadline.
        (datetime.datetime(2026, 9, 30, 15, 59, tzinfo=UTC), "2026年9月30日", "2026年11月3日"),
        # Filed on New Year's night: 00:30 on 1 January 2027 in China, a statutory holiday;
        # 4–8 Jan (5), 11–15 (10), 18–22 (15), 25–29 (20).
        (datetime.datetime(2026, 12, 31, 16, 30, tzinfo=UTC), "2027年1月1日", "2027年1月29日"),
        # A Sunday evening in February 2026 during 春节 (22 Feb): counted from Tue 24 Feb →
        # 24–27 (4), Sat 28 (5, 调休), 2–6 Mar (10), 9–13 (15), 16–20 (20).
        (datetime.datetime(2026, 2, 22, 12, 0, tzinfo=UTC), "2026年2月22日", "2026年3月20日"),
    ],
)
def test_an_online_request_is_received_on_the_day_in_china(client, moment, received, due):
    page = file_at(client, moment)
    assert received in page and f"{due}前" in page
    assert "自收到之日起 20 个工作日内答复" in page
    enquiry = Enquiry.objects.get()
    assert f"{enquiry.received_on:%Y年%-m月%-d日}" == received


def test_a_message_filed_on_the_eve_of_national_day(client):
    data = {
        "title": "国庆期间办事大厅是否开放",
        "body": "请问国庆期间能否办理社保？",
        "asker_name": "赵六",
        "phone": "13700002222",
        "website": "",
    }
    # 10:00 in China on Wed 30 Sep 2026: 8 and 9 Oct (2), Sat 10 Oct (3, 调休), 12–13 Oct (5).
    moment = datetime.datetime(2026, 9, 30, 2, 0, tzinfo=UTC)
    page = file_at(client, moment, url="enquiries:ask_message", data=data)
    assert "2026年10月13日前" in page and "承办部门自收到之日起 5 个工作日内答复" in page
    assert Enquiry.objects.get().kind == rules.MESSAGE
