"""The append-only history of every enquiry: each status change, pause and extension."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("办理记录只能追加，不能修改")

    def delete(self):
        raise PermissionDenied("办理记录只能追加，不能删除")


class StatusEvent(models.Model):
    """One step in an enquiry's handling; rows are added, never changed or removed."""

    enquiry = models.ForeignKey(
        "enquiries.Enquiry", on_delete=models.PROTECT, related_name="events", verbose_name="事项"
    )
    at = models.DateTimeField("时间", default=timezone.now)
    status_from = models.CharField("原状态", max_length=20, blank=True)
    status_to = models.CharField("新状态", max_length=20)
    note = models.CharField("说明", max_length=500, blank=True)
    actor = models.CharField("操作人", max_length=150, blank=True)
    notify = models.BooleanField("通知申请人", default=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.status_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("办理记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("办理记录只能追加，不能删除")

    @property
    def status_label(self):
        from .enquiry import Status

        return dict(Status.choices).get(self.status_to, self.status_to)
