"""The State Council's yearly 放假安排, for years the calendar package does not know yet."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from workdays.forms import HolidayArrangementForm


class HolidayArrangement(ClusterableModel):
    """One year's arrangement as published by the General Office of the State Council.

    For a year held here these dates replace the package's; days not listed follow the
    weekday rule (Monday–Friday working)."""

    year = models.PositiveSmallIntegerField(
        "年份",
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    notice = models.CharField(
        "通知名称",
        max_length=200,
        blank=True,
        help_text="如：国务院办公厅关于2027年部分节假日安排的通知",
    )
    notice_url = models.URLField("通知网址", blank=True)

    panels = [
        FieldPanel("year"),
        FieldPanel("notice"),
        FieldPanel("notice_url"),
        InlinePanel("days", heading="放假与调休上班日期", label="日期", min_num=1),
    ]
    base_form_class = HolidayArrangementForm

    class Meta:
        ordering = ["-year"]
        verbose_name = "年度放假安排"
        verbose_name_plural = "年度放假安排"

    def __str__(self):
        return f"{self.year}年放假安排"

    def save(self, *args, **kwargs):
        """Saves the arrangement with its dates, then tells the apps that keep deadlines."""
        from workdays.signals import calendar_changed

        super().save(*args, **kwargs)
        calendar_changed.send(sender=type(self), year=self.year)

    def delete(self, *args, **kwargs):
        from workdays.signals import calendar_changed

        result = super().delete(*args, **kwargs)
        calendar_changed.send(sender=type(self), year=self.year)
        return result


class ArrangementDay(Orderable):
    """A run of days off (e.g. 国庆节 10月1日至7日) or one 调休 working day."""

    HOLIDAY = "holiday"
    WORKDAY = "workday"
    KIND_CHOICES = [(HOLIDAY, "放假"), (WORKDAY, "调休上班")]

    arrangement = ParentalKey(HolidayArrangement, on_delete=models.CASCADE, related_name="days")
    festival = models.CharField("节日", max_length=20, help_text="如：春节、国庆节")
    kind = models.CharField("类型", max_length=10, choices=KIND_CHOICES, default=HOLIDAY)
    start = models.DateField("起始日期")
    end = models.DateField("结束日期", null=True, blank=True, help_text="只有一天时留空")

    panels = [
        FieldPanel("festival"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "放假或调休日期"
        verbose_name_plural = "放假或调休日期"

    def __str__(self):
        return f"{self.festival}{self.get_kind_display()}：{self.start}–{self.last_day}"

    @property
    def last_day(self):
        return self.end or self.start

    @property
    def is_working(self):
        return self.kind == self.WORKDAY

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "结束日期不能早于起始日期"})
        if self.start and self.last_day - self.start > datetime.timedelta(days=30):
            raise ValidationError({"end": "一段假期不能超过31天"})
