"""机构 and their 负责人: the bodies of a county, its townships and villages, with their rosters."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Orderable
from wagtail.search import index

STALE_AFTER = datetime.timedelta(days=365)
DEMO_HELP = "示例内容填写“示例数据”，页面上会显示；真实内容留空。"


class Kind(models.TextChoices):
    COUNTY = "county", "县（区）人民政府"
    DEPARTMENT = "department", "县（区）政府部门"
    TOWNSHIP = "township", "乡镇人民政府（街道办事处）"
    VILLAGE = "village", "村（社区）"


def verified_is_stale(day, today=None):
    today = today or timezone.localdate()
    return day is None or today - day > STALE_AFTER


class Body(index.Indexed, ClusterableModel):
    """机构: a government, a department, a township or a village, with duties and contacts."""

    name = models.CharField("机构名称", max_length=100, unique=True)
    kind = models.CharField("机构类别", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name="上级机构",
    )  # fmt: skip
    duties = models.TextField("主要职责", help_text="每行一项。")
    address = models.CharField("办公地址", max_length=200)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    phone = models.CharField("联系电话", max_length=50)
    office_hours = models.CharField("办公时间", max_length=200)
    handles_requests = models.BooleanField(
        "受理政府信息公开申请", default=False,
        help_text="勾选后，公开指南列出本机构的受理地址、电话和办公时间。",
    )  # fmt: skip
    village_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="村务公开页面", help_text="村（社区）填写：其四务公开所在的页面。",
    )  # fmt: skip
    sort_order = models.PositiveIntegerField("排序", default=100)
    last_verified = models.DateField("最近核实日期", default=datetime.date.today)
    demo_label = models.CharField("示例标注", max_length=20, blank=True, help_text=DEMO_HELP)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("duties"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("office_hours")]),
                FieldPanel("handles_requests"),
            ],
            heading="联系方式",
        ),
        FieldPanel("village_page"),
        InlinePanel("leaders", heading="负责人与班子成员", label="成员"),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("last_verified")]),
        FieldPanel("demo_label"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "机构"
        verbose_name_plural = "机构"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "上级机构不能是本机构"})

    @property
    def duty_lines(self):
        return [line.strip() for line in self.duties.splitlines() if line.strip()]

    def is_stale(self, today=None):
        return verified_is_stale(self.last_verified, today)


class Group(models.TextChoices):
    LEADERS = "leaders", "领导班子"
    PARTY = "party", "村党组织委员会"
    COMMITTEE = "committee", "村民委员会"
    SUPERVISION = "supervision", "村务监督委员会"


class Leader(Orderable):
    """负责人 or a member of a village's 两委 or 监委会."""

    body = ParentalKey(Body, on_delete=models.CASCADE, related_name="leaders")
    group = models.CharField(
        "所属班子", max_length=20, choices=Group.choices, default=Group.LEADERS
    )
    name = models.CharField("姓名", max_length=50)
    position = models.CharField("职务", max_length=100)
    photo = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="照片",
    )  # fmt: skip
    resume = models.TextField("简历", blank=True)
    responsibilities = models.TextField("分管工作", blank=True)
    last_verified = models.DateField("最近核实日期", default=datetime.date.today)

    panels = [
        FieldRowPanel([FieldPanel("group"), FieldPanel("name"), FieldPanel("position")]),
        FieldPanel("photo"),
        FieldPanel("resume"),
        FieldPanel("responsibilities"),
        FieldPanel("last_verified"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "负责人"
        verbose_name_plural = "负责人"

    def __str__(self):
        return f"{self.name}（{self.position}）"

    def clean(self):
        if not (self.name or "").strip():
            raise ValidationError({"name": "负责人必须填写姓名"})

    def is_stale(self, today=None):
        return verified_is_stale(self.last_verified, today)
