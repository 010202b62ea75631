"""What the public sends: objections (异议) to a 公示, comments (意见) on a draft; and the
public record of a notice's published versions."""

import datetime
import secrets

from django.db import models
from django.utils import timezone

from ..masking import mask_name, mask_text

STATUS_CHOICES = [("pending", "待审核"), ("approved", "已公开"), ("rejected", "不予公开")]


def tracking_number(prefix):
    today = timezone.localdate()
    return f"{prefix}{today:%Y%m%d}{secrets.randbelow(10**6):06d}"


class Objection(models.Model):
    notice = models.ForeignKey(
        "notices.NoticePage",
        on_delete=models.PROTECT,
        related_name="objections",
        verbose_name="公示",
    )
    number = models.CharField("受理编号", max_length=20, unique=True, editable=False)
    name = models.CharField("姓名", max_length=40, blank=True)
    anonymous = models.BooleanField("匿名", default=False)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    content = models.TextField("异议内容")
    received_on = models.DateField("收到日期", default=timezone.localdate)
    due_on = models.DateField("答复期限", editable=False)
    reply = models.TextField("答复", blank=True)
    replied_by = models.CharField("答复单位", max_length=100, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    needs_review = models.BooleanField("需村务监督委员会审核", default=False, editable=False)
    reviewed_by = models.CharField("村务监督委员会审核人", max_length=100, blank=True)
    reviewed_on = models.DateField("审核日期", null=True, blank=True)
    public = models.BooleanField("答复后在公示页公开（已遮盖个人信息）", default=True)
    public_content = models.TextField("公开的异议内容", blank=True, editable=False)
    public_reply = models.TextField("公开的答复", blank=True, editable=False)

    class Meta:
        verbose_name = "公示异议"
        verbose_name_plural = "公示异议"
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"{self.number} · {self.notice.title}"

    def save(self, *args, **kwargs):
        if not self.number:
            self.number = tracking_number("YY")
        if not self.due_on:
            days = self.notice.rule.answer_days
            self.due_on = self.received_on + datetime.timedelta(days=days)
            self.needs_review = self.notice.village_id is not None
        if self.reply and not self.replied_on:
            self.replied_on = timezone.localdate()
        names = [self.name] if self.name else []
        self.public_content = mask_text(self.content, names)
        self.public_reply = mask_text(self.reply, names)
        super().save(*args, **kwargs)

    @property
    def answered(self):
        return bool(self.reply) and (not self.needs_review or bool(self.reviewed_by))

    @property
    def asker(self):
        return "匿名" if self.anonymous or not self.name else mask_name(self.name)

    @property
    def status_label(self):
        if self.answered:
            return "已答复"
        if self.reply:
            return "已拟答复，待村务监督委员会审核"
        if timezone.localdate() > self.due_on:
            return "已逾期"
        return "办理中"


class Comment(models.Model):
    consultation = models.ForeignKey(
        "notices.ConsultationPage",
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name="意见征集",
    )
    article_no = models.PositiveIntegerField("针对条款", default=0)
    name = models.CharField("姓名", max_length=40, blank=True)
    anonymous = models.BooleanField("匿名", default=False)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    content = models.TextField("意见内容")
    created = models.DateTimeField("提交时间", auto_now_add=True)
    status = models.CharField("审核状态", max_length=10, choices=STATUS_CHOICES, default="pending")
    public_content = models.TextField("公开的意见内容", blank=True, editable=False)

    class Meta:
        verbose_name = "征集意见"
        verbose_name_plural = "征集意见"
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.consultation.title} · {self.article_label}"

    def save(self, *args, **kwargs):
        self.public_content = mask_text(self.content, [self.name] if self.name else [])
        super().save(*args, **kwargs)

    @property
    def article_label(self):
        return "草案整体" if not self.article_no else f"第{self.article_no}条"

    @property
    def asker(self):
        return "匿名" if self.anonymous or not self.name else mask_name(self.name)


class NoticeCorrection(models.Model):
    """One published version of a 公示: written on each publish, never edited."""

    notice = models.ForeignKey(
        "notices.NoticePage", on_delete=models.CASCADE, related_name="corrections"
    )
    number = models.PositiveIntegerField("版本")
    published_at = models.DateTimeField("发布时间", default=timezone.now)
    window_start = models.DateField("公示开始日期")
    window_end = models.DateField("公示结束日期")
    note = models.TextField("更正说明", blank=True)

    class Meta:
        verbose_name = "公示版本"
        verbose_name_plural = "公示版本"
        unique_together = [("notice", "number")]

    def __str__(self):
        return f"{self.notice.title} 第{self.number}版"
