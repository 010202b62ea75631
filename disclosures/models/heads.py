"""The public, append-only chain-head log of each village.

An entry is appended whenever the village's set of published versions changes (a publication,
a correction, a withdrawal: ``CHANGE``) and once a day as the summary an outside party archives
(``DAILY``). Entries of a village are numbered 1, 2, 3 … without gaps; the number, kind, day and
head are signed, so a database writer without the key can neither drop an entry in the middle nor
renumber the rest.
"""

from django.core.exceptions import ValidationError
from django.db import models


class ChainHead(models.Model):
    """A village's chain head at one moment; written once, never changed."""

    CHANGE = "change"
    DAILY = "daily"
    KIND_CHOICES = [(CHANGE, "版本变动"), (DAILY, "每日汇总")]

    village_id = models.PositiveIntegerField("村（社区）页面 ID")
    village_name = models.CharField("村（社区）", max_length=255)
    number = models.PositiveIntegerField("条目序号", default=0)
    kind = models.CharField("类型", max_length=8, choices=KIND_CHOICES, default=DAILY)
    day = models.DateField("日期")
    recorded_at = models.DateTimeField("记录时间")
    links = models.JSONField("各公开最新版本")
    head = models.CharField("链头哈希", max_length=64, db_index=True)
    signature = models.CharField("签名", max_length=64)

    class Meta:
        verbose_name = "公开链头记录"
        verbose_name_plural = "公开链头记录"
        ordering = ["village_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["village_id", "number"], name="chain_head_numbered"),
            models.UniqueConstraint(
                fields=["village_id", "day"],
                condition=models.Q(kind="daily"),
                name="chain_head_daily_once",
            ),
        ]

    def __str__(self):
        return f"{self.village_name} 第 {self.number} 条 {self.day} {self.head[:16]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("链头记录一经写入不得修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("链头记录一经写入不得删除。")

    def covers(self, page_id, number):
        """True when this entry lists version ``number`` of disclosure ``page_id``."""
        return any(
            link.get("page") == page_id and link.get("version") == number for link in self.links
        )

    def public_dict(self):
        return {
            "village_id": self.village_id,
            "village": self.village_name,
            "number": self.number,
            "kind": self.kind,
            "date": self.day.isoformat(),
            "recorded_at": self.recorded_at.isoformat(),
            "head": self.head,
            "signature": self.signature,
            "disclosures": self.links,
        }
