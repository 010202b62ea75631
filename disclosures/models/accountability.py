"""Who answers for a village: its clerk group, its 村务监督委员会 group and its workflow."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.models import GroupApprovalTask


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

    approvals_required = models.PositiveSmallIntegerField(
        "须经几名监督委员会成员批准",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text="四务公开和村务质询答复发布前须经批准的成员人数；起草或修改内容的成员不计入",
    )

    class Meta:
        verbose_name = "村务公开责任设置"
        verbose_name_plural = "村务公开责任设置"

    def __str__(self):
        return f"{self.village.title}村务公开责任设置"


class CommitteeApprovalTask(GroupApprovalTask):
    """The village committee's review: members approve from their own accounts, the drafter
    of the version under review never counts, and the village's rule says how many."""

    class Meta:
        verbose_name = "村务监督委员会审核"
        verbose_name_plural = "村务监督委员会审核"

    def get_actions(self, obj, user):
        from ..accountability import approval_refusal

        if not self._user_in_groups(user):
            return []
        actions = [("reject", "退回修改", True)]
        if approval_refusal(obj, user) is None:
            actions += [("approve", "批准", False), ("approve", "批准并填写意见", True)]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..accountability import record_approval

        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        if record_approval(task_state, user, kwargs.get("comment", "")):
            task_state.approve(user=user, **kwargs)
        return None


class SignOffApproval(models.Model):
    """One committee member's approval of one revision of a disclosure, made by the workflow."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="页面"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="+", verbose_name="版本"
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
    comment = models.TextField("审核意见", blank=True)

    class Meta:
        verbose_name = "监督委员会批准记录"
        verbose_name_plural = "监督委员会批准记录"
        ordering = ["approved_at", "pk"]

    def __str__(self):
        return f"{self.name}（{self.account}）{self.approved_at:%Y-%m-%d %H:%M}"

    def as_dict(self):
        return {
            "account": self.account,
            "name": self.name,
            "approved_at": timezone.localtime(self.approved_at).isoformat(timespec="seconds"),
        }
