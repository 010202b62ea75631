"""Published versions of disclosures, chained by SHA-256; never edited or deleted."""

import datetime
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from .. import anchoring
from ..diffing import diff_snapshots, summarise
from ..hashchain import GENESIS, StoredVersion, json_safe, verify_chain, version_hash

# Importers of historical records set the original publication time here; otherwise "now".
publication_time = ContextVar("publication_time", default=None)


class DisclosureVersion(models.Model):
    """One published state of a disclosure: first publication, correction or withdrawal."""

    PUBLISHED = "published"
    CORRECTION = "correction"
    WITHDRAWAL = "withdrawal"
    KIND_CHOICES = [(PUBLISHED, "首次公开"), (CORRECTION, "更正"), (WITHDRAWAL, "撤回")]

    page = models.ForeignKey(
        "disclosures.DisclosurePage",
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name="公开",
    )
    number = models.PositiveIntegerField("版本号")
    kind = models.CharField("类型", max_length=12, choices=KIND_CHOICES)
    published_at = models.DateTimeField("发布时间")
    reason = models.TextField("更正或撤回原因", blank=True)
    changes = models.JSONField("改动", default=list)
    village = models.CharField("村（社区）", max_length=255)
    content = models.JSONField("内容")
    previous_hash = models.CharField("上一版哈希", max_length=64)
    hash = models.CharField("本版哈希", max_length=64, unique=True)
    signature = models.CharField(
        "签名", max_length=64, blank=True, help_text="HMAC-SHA256，密钥不在数据库中"
    )

    class Meta:
        verbose_name = "公开版本"
        verbose_name_plural = "公开版本"
        ordering = ["page", "number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="disclosure_version_unique")
        ]

    def __str__(self):
        return f"{self.village} {self.content.get('title', '')} 第 {self.number} 版"

    def payload(self):
        """What the hash covers, rebuilt from the stored columns."""
        return {
            "number": self.number,
            "kind": self.kind,
            "published_at": self.published_at.astimezone(datetime.UTC).isoformat(),
            "reason": self.reason,
            "changes": self.changes,
            "village": self.village,
            "content": self.content,
        }

    def as_stored(self):
        return StoredVersion(self.number, self.payload(), self.previous_hash, self.hash)

    def attachment_files(self):
        """(title, document or None) of each original in this version, found by file hash, so
        an earlier version's files stay downloadable after a correction replaced them."""
        from wagtail.documents import get_document_model

        documents = get_document_model().objects
        return [
            (a.get("title", ""), documents.filter(file_hash=a.get("file_hash")).first())
            for a in self.content.get("attachments") or []
            if a.get("file_hash")
        ]

    @property
    def change_lines(self):
        return [summarise(change) for change in self.changes]

    def public_dict(self):
        return {
            "number": self.number,
            "kind": self.kind,
            "kind_label": self.get_kind_display(),
            "published_at": self.published_at.isoformat(),
            "reason": self.reason,
            "changes": self.change_lines,
            "previous_hash": self.previous_hash,
            "hash": self.hash,
        }


def record_version(page, user=None):
    """Append a version for the page's live state unless it equals the latest version."""
    snapshot = page.snapshot()
    last = DisclosureVersion.objects.filter(page=page).order_by("-number").first()
    if last and last.content == snapshot:
        return None
    if last is None:
        kind, reason, changes = DisclosureVersion.PUBLISHED, "", []
    else:
        changes = diff_snapshots(last.content, snapshot)
        newly_withdrawn = snapshot.get("withdrawal") and not last.content.get("withdrawal")
        kind = DisclosureVersion.WITHDRAWAL if newly_withdrawn else DisclosureVersion.CORRECTION
        reason = page.withdrawal_reason if newly_withdrawn else page.change_reason
    version = DisclosureVersion(
        page=page,
        number=(last.number + 1) if last else 1,
        kind=kind,
        published_at=(publication_time.get() or timezone.now()).replace(microsecond=0),
        reason=reason.strip(),
        changes=json_safe(changes),
        village=page.get_parent().title,
        content=snapshot,
        previous_hash=last.hash if last else GENESIS,
    )
    version.hash = version_hash(version.payload(), version.previous_hash)
    version.signature = anchoring.sign_version(version)
    version.save()
    anchoring.record_change(page.get_parent())
    return version


@dataclass(frozen=True)
class Integrity:
    ok: bool
    message: str
    latest: DisclosureVersion | None = None


def check_page(page, versions=None):
    """Verify a disclosure's chain and that its live content equals its latest version."""
    versions = (
        list(versions)
        if versions is not None
        else list(DisclosureVersion.objects.filter(page=page).order_by("number"))
    )
    if not versions:
        return Integrity(True, "尚无已发布版本")
    report = verify_chain([v.as_stored() for v in versions])
    if not report.ok:
        return Integrity(False, report.reason, versions[-1])
    for version in versions:
        if not anchoring.version_signature_ok(version):
            reason = (
                "签名不符（哈希被重新计算，或签名密钥已更换）" if version.signature else "缺少签名"
            )
            return Integrity(False, f"第 {version.number} 版{reason}", version)
    latest = versions[-1]
    if page.live and page.snapshot() != latest.content:
        return Integrity(
            False, f"当前显示的内容与第 {latest.number} 版（最新公开版本）的存档不一致", latest
        )
    return Integrity(True, f"共 {len(versions)} 个版本，哈希链完整，内容与最新版本一致", latest)
