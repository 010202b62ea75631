"""Published versions of a policy text: the public change history."""

from django.db import models


class PolicyVersion(models.Model):
    """One published state of a policy's text, with the editor's change note."""

    page = models.ForeignKey(
        "policies.PolicyPage",
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name="政策文件",
    )
    number = models.PositiveIntegerField("版本号")
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="修订版本",
    )
    published_at = models.DateTimeField("发布时间")
    change_note = models.CharField("修改说明", max_length=300, blank=True)
    title = models.CharField("标题", max_length=255)
    doc_number = models.CharField("发文字号", max_length=100, blank=True)
    units = models.JSONField("条文快照", default=list)

    class Meta:
        verbose_name = "发布版本"
        verbose_name_plural = "发布版本"
        ordering = ["page", "number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="policies_version_unique")
        ]

    def __str__(self):
        return f"{self.title} 第{self.number}版"

    @property
    def previous(self):
        return PolicyVersion.objects.filter(page=self.page, number__lt=self.number).last()
