"""The text read from one document (one row per Wagtail document), or why it could not be read."""

from django.db import models


class Status(models.TextChoices):
    PENDING = "pending", "待提取"
    DONE = "done", "已提取"
    PARTIAL = "partial", "部分提取"
    FAILED = "failed", "无法提取"


class AttachmentText(models.Model):
    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="extracted_text",
        verbose_name="文件",
    )
    status = models.CharField("状态", max_length=10, choices=Status.choices, default="pending")
    text = models.TextField("文字", blank=True)
    message = models.CharField("说明", max_length=300, blank=True)
    file_hash = models.CharField("文件指纹", max_length=64, blank=True)
    extracted_at = models.DateTimeField("提取时间", null=True, blank=True)

    class Meta:
        verbose_name = "附件文字"
        verbose_name_plural = "附件文字"

    def __str__(self):
        return f"{self.document}：{self.get_status_display()}"

    @property
    def readable(self):
        return self.status in (Status.DONE, Status.PARTIAL) and bool(self.text)
