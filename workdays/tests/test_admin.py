"""Editors keep the yearly 放假安排 in the admin and are told when a year is missing."""

import datetime
from unittest import mock

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from workdays.calendar import add_working_days
from workdays.models import HolidayArrangement

ADD_URL = "wagtailsnippets_workdays_holidayarrangement:add"


def arrangement_form(year, rows):
    return nested_form_data(
        {
            "year": year,
            "notice": f"国务院办公厅关于{year}年部分节假日安排的通知",
            "notice_url": "",
            "days": inline_formset(rows),
        }
    )


def row(festival, kind, start, end=""):
    return {"festival": festival, "kind": kind, "start": start, "end": end}


class HolidayArrangementAdminTests(TestCase):
    def setUp(self):
        self.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
        self.client.force_login(self.admin)

    def dashboard(self, today):
        with mock.patch("workdays.admin_views.timezone.localdate", return_value=today):
            return self.client.get(reverse("wagtailadmin_home"))

    def test_dashboard_warns_when_the_coming_year_is_missing(self):
        response = self.dashboard(datetime.date(2030, 11, 2))
        self.assertContains(response, "缺少放假安排")
        self.assertContains(response, "2030年、2031年的法定节假日和调休安排")
        self.assertContains(response, reverse(ADD_URL))

    def test_no_warning_for_known_years(self):
        self.assertNotContains(self.dashboard(datetime.date(2025, 11, 2)), "缺少放假安排")
        # Before October the coming year's notice is not expected yet.
        self.assertNotContains(self.dashboard(datetime.date(2026, 3, 2)), "缺少放假安排")

    def test_entering_the_arrangement_fixes_deadlines_and_removes_the_warning(self):
        # Before the arrangement only the statutory 1–3 October are off (then a weekend).
        self.assertEqual(
            add_working_days(datetime.date(2031, 9, 30), 1), datetime.date(2031, 10, 6)
        )
        response = self.client.post(
            reverse(ADD_URL),
            arrangement_form(
                2031,
                [
                    row("国庆节", "holiday", "2031-10-01", "2031-10-07"),
                    row("国庆节", "workday", "2031-09-28"),
                ],
            ),
        )
        self.assertEqual(response.status_code, 302)
        saved = HolidayArrangement.objects.get(year=2031)
        self.assertEqual(saved.days.count(), 2)
        self.assertEqual(
            add_working_days(datetime.date(2031, 9, 30), 1), datetime.date(2031, 10, 8)
        )
        # 2031 is now known; only 2032 is still missing.
        response = self.dashboard(datetime.date(2031, 11, 2))
        self.assertContains(response, "2032年的法定节假日")
        self.assertNotContains(response, "2031年、")

    def test_bad_dates_get_chinese_messages_and_nothing_is_saved(self):
        response = self.client.post(
            reverse(ADD_URL),
            arrangement_form(
                2031,
                [
                    row("春节", "holiday", "2032-01-25", "2032-02-01"),
                    row("国庆节", "holiday", "2031-10-01", "2031-10-07"),
                    row("国庆节", "workday", "2031-10-05"),
                    row("中秋节", "holiday", "2031-09-10", "2031-09-08"),
                ],
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "日期应在2030年12月1日至2031年12月31日之间")
        self.assertContains(response, "10月5日已列在“国庆节”中，不能重复")
        self.assertContains(response, "结束日期不能早于起始日期")
        self.assertFalse(HolidayArrangement.objects.exists())
