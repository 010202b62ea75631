"""Who approved a 村务质询 answer: one row per committee member's approval, made by the
village desk from that member's own account, never typed."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AnswerApproval(models.Model):
    """A 村务监督委员会 member approved this draft answer (the text is kept with it)."""

    enquiry = models.ForeignKey(
        "enquiries.Enquiry",
        on_delete=models.CASCADE,
        related_name="approvals",
        verbose_name="质询",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="批准账号",
    )
    account = models.CharField("账号", max_length=150)
    name = models.CharField("姓名", max_length=150)
    approved_at = models.DateTimeField("批准时间", default=timezone.now)
    draft = models.TextField("所批准的答复稿")
    comment = models.CharField("审核意见", max_length=500, blank=True)

    class Meta:
        verbose_name = "村务监督委员会批准记录"
        verbose_name_plural = "村务监督委员会批准记录"
        ordering = ["approved_at", "pk"]

    def __str__(self):
        return f"{self.name}（{self.account}）{self.approved_at:%Y-%m-%d %H:%M}"
