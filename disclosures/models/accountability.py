"""Who answers for a village: its clerk group, its 村务监督委员会 group and its workflow."""

from django.contrib.auth.models import Group
from django.db import models


class VillageAccountability(models.Model):
    """The groups, attachments folder and review workflow the site set up for one village.

    Kept by page, not by name, so renaming a village renames them instead of adding more.
    Whatever an operator deletes is made again by the next `ensure_accountability`."""

    village = models.OneToOneField(
        "disclosures.VillagePage",
        on_delete=models.CASCADE,
        related_name="accountability",
        verbose_name="村（社区）",
    )
    clerks = models.OneToOneField(
        Group,
        null=True,
        on_delete=models.SET_NULL,
        related_name="clerk_of",
        verbose_name="经办人用户组",
    )
    committee = models.OneToOneField(
        Group,
        null=True,
        on_delete=models.SET_NULL,
        related_name="committee_of",
        verbose_name="村务监督委员会用户组",
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        null=True,
        on_delete=models.SET_NULL,
        related_name="village_accountability",
        verbose_name="审核流程",
    )
    task = models.OneToOneField(
        "wagtailcore.GroupApprovalTask",
        null=True,
        on_delete=models.SET_NULL,
        related_name="village_accountability",
        verbose_name="监督委员会审核任务",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="附件文件夹",
    )

    class Meta:
        verbose_name = "村务公开责任设置"
        verbose_name_plural = "村务公开责任设置"

    def __str__(self):
        return f"{self.village.title}村务公开责任设置"
