"""受理机关: the bodies of this government that receive requests and messages.

Kept apart from the policies' issuing authorities (``taxonomy.IssuingAuthority``: 国务院,
中共中央 …): a citizen asks this county's departments, its townships and its villages, and only
the bodies staff list here are offered in the public forms.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class AddresseeKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府及办公室"
    DEPARTMENT = "department", "政府部门"
    TOWNSHIP = "township", "乡镇（街道）"
    VILLAGE = "village", "村（社区）"


class AddresseeQuerySet(models.QuerySet):
    def for_requests(self):
        return self.filter(active=True, takes_requests=True)

    def for_messages(self):
        return self.filter(active=True, takes_messages=True)


class Addressee(models.Model):
    """One body a citizen may address: its name, kind and what it receives."""

    name = models.CharField("名称", max_length=100, unique=True)
    kind = models.CharField(
        "类别", max_length=20, choices=AddresseeKind.choices, default=AddresseeKind.DEPARTMENT
    )
    takes_requests = models.BooleanField("受理政府信息公开申请", default=True)
    takes_messages = models.BooleanField("受理咨询留言", default=True)
    active = models.BooleanField(
        "在表单中提供", default=True, help_text="不再受理时取消勾选，已有的申请和留言保留"
    )
    address = models.CharField("通信地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=100, help_text="数字小的排在前面")
    demo_label = models.CharField("示例数据标注", max_length=100, blank=True)

    objects = AddresseeQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel(
            [FieldPanel("takes_requests"), FieldPanel("takes_messages"), FieldPanel("active")]
        ),
        FieldRowPanel([FieldPanel("address"), FieldPanel("phone")]),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("demo_label")]),
    ]

    class Meta:
        verbose_name = "受理机关"
        verbose_name_plural = "受理机关"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def receives(self):
        kinds = [("政府信息公开申请", self.takes_requests), ("咨询留言", self.takes_messages)]
        return "、".join(label for label, yes in kinds if yes) or "不受理"

    receives.short_description = "受理"

    def offered(self):
        return "提供" if self.active else "已停用"

    offered.short_description = "在表单中"


KIND_ORDER = [kind for kind, _ in AddresseeKind.choices]


def grouped_choices(queryset, empty_label):
    """Choices for a select, grouped by kind in a fixed order (政府, 部门, 乡镇, 村)."""
    rows = list(queryset.order_by("sort_order", "name").values_list("pk", "name", "kind"))
    groups = []
    for kind, label in AddresseeKind.choices:
        options = [(pk, name) for pk, name, k in rows if k == kind]
        if options:
            groups.append((label, options))
    return [("", empty_label), *groups]
