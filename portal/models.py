"""网站纠错: a reader's report of an error on the site, handled on a 3-working-day clock."""

from django.db import models
from django.utils import timezone

from . import clock


class ErrorKind(models.TextChoices):
    TYPO = "typo", "错别字或表述错误"
    LINK = "link", "链接打不开或指向错误"
    OUTDATED = "outdated", "信息过时或不准确"
    FILE = "file", "图片、附件打不开"
    DISPLAY = "display", "页面显示不正常"
    OTHER = "other", "其他问题"


class ReportStatus(models.TextChoices):
    NEW = "new", "待处理"
    HANDLING = "handling", "处理中"
    CLOSED = "closed", "已办结"


class ErrorReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ReportStatus.CLOSED)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class ErrorReport(models.Model):
    """One report; the reader's text is never shown publicly."""

    received_on = models.DateField("收到日期", default=timezone.localdate)
    created_at = models.DateTimeField("提交时间", default=timezone.now, editable=False)
    due_on = models.DateField("处理期限", editable=False)
    page_url = models.CharField("出错的网页", max_length=500)
    kind = models.CharField("问题类型", max_length=20, choices=ErrorKind.choices)
    description = models.TextField("问题描述")
    contact_name = models.CharField("联系人", max_length=50, blank=True)
    contact = models.CharField("联系方式", max_length=100, blank=True)
    status = models.CharField(
        "办理状态", max_length=20, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    handling_note = models.TextField(
        "处理情况", blank=True, help_text="改了什么、在哪里改的；办结时必填"
    )
    closed_on = models.DateField("办结日期", null=True, blank=True, editable=False)
    closed_by = models.CharField("办结人", max_length=150, blank=True, editable=False)

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        verbose_name = "网站纠错"
        verbose_name_plural = "网站纠错"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return f"{self.received_on:%Y-%m-%d} {self.get_kind_display()}：{self.description[:20]}"

    def save(self, *args, **kwargs):
        """Keep the due date on the calendar; stamp who closed it and when."""
        self.due_on = clock.due_date(self.received_on)
        if self.status == ReportStatus.CLOSED and not self.closed_on:
            self.closed_on = timezone.localdate()
            self.closed_by = getattr(self, "_actor", "") or self.closed_by
        elif self.status != ReportStatus.CLOSED:
            self.closed_on, self.closed_by = None, ""
        super().save(*args, **kwargs)

    @property
    def reference(self):
        """The number the reader is given: JC + year + a zero-padded sequence."""
        return f"JC{self.received_on:%Y}{self.pk or 0:05d}"

    def clock_state(self, today=None):
        closed = self.status == ReportStatus.CLOSED
        return clock.state(self.due_on, today or timezone.localdate(), closed=closed)

    @property
    def clock_label(self):
        return clock.STATE_LABELS[self.clock_state()]

    clock_label.fget.short_description = "期限状态"
