"""The public, append-only chain-head log: one entry per village per day."""

from django.core.exceptions import ValidationError
from django.db import models


class ChainHead(models.Model):
    """A village's chain head as published on one day; written once, never changed."""

    village_id = models.PositiveIntegerField("村（社区）页面 ID")
    village_name = models.CharField("村（社区）", max_length=255)
    day = models.DateField("日期")
    recorded_at = models.DateTimeField("记录时间")
    links = models.JSONField("各公开最新版本")
    head = models.CharField("链头哈希", max_length=64)
    signature = models.CharField("签名", max_length=64)

    class Meta:
        verbose_name = "公开链头记录"
        verbose_name_plural = "公开链头记录"
        ordering = ["day", "village_id"]
        constraints = [
            models.UniqueConstraint(fields=["village_id", "day"], name="chain_head_once_a_day")
        ]

    def __str__(self):
        return f"{self.village_name} {self.day} {self.head[:16]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("链头记录一经写入不得修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("链头记录一经写入不得删除。")

    def public_dict(self):
        return {
            "village_id": self.village_id,
            "village": self.village_name,
            "date": self.day.isoformat(),
            "recorded_at": self.recorded_at.isoformat(),
            "head": self.head,
            "signature": self.signature,
            "disclosures": self.links,
        }
