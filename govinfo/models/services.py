"""办事指南: service items with the standard fields, their forms and the villages that act
for them."""

import datetime

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from .bodies import DEMO_HELP

LIFE_EVENTS = ["老年人", "残疾人", "低保", "退役军人", "农户"]
LIFE_EVENT_CHOICES = [(name, name) for name in LIFE_EVENTS]
# 检查指标 (国办秘函〔2019〕19号): a guide lacking these elements counts as 服务不实用.
REQUIRED_FIELDS = {
    "basis": "设定依据",
    "conditions": "申请条件",
    "materials": "办理材料",
    "place": "办理地点",
    "hours": "办理时间",
    "phone": "咨询电话",
    "process": "办理流程",
    "time_limit": "办理时限",
    "fees": "收费标准",
}


class ServiceItem(index.Indexed, ClusterableModel):
    name = models.CharField("事项名称", max_length=200)
    body = models.ForeignKey(
        "govinfo.Body", on_delete=models.PROTECT, related_name="services", verbose_name="实施机构"
    )
    basis = models.TextField("设定依据", blank=True)
    conditions = models.TextField("申请条件", blank=True)
    materials = models.TextField("办理材料", blank=True, help_text="每行一项。")
    place = models.CharField("办理地点", max_length=200, blank=True)
    hours = models.CharField("办理时间", max_length=200, blank=True)
    phone = models.CharField("咨询电话", max_length=50, blank=True)
    process = models.TextField("办理流程", blank=True, help_text="每行一步。")
    time_limit = models.CharField("办理时限", max_length=100, blank=True)
    fees = models.CharField("收费标准", max_length=200, blank=True)
    life_events = models.JSONField("人生事件", default=list, blank=True)
    agency_villages = ParentalManyToManyField(
        "govinfo.Body", blank=True, related_name="agency_services",
        verbose_name="可代办的村（社区）", limit_choices_to={"kind": "village"},
    )  # fmt: skip
    last_verified = models.DateField("最近核实日期", default=datetime.date.today)
    demo_label = models.CharField("示例标注", max_length=20, blank=True, help_text=DEMO_HELP)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("body")]),
        FieldPanel("basis"),
        FieldPanel("conditions"),
        FieldPanel("materials"),
        InlinePanel("forms", heading="表格下载（空白表格与示例样表）", label="表格"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place"), FieldPanel("hours"), FieldPanel("phone")]),
                FieldPanel("process"),
                FieldRowPanel([FieldPanel("time_limit"), FieldPanel("fees")]),
            ],
            heading="办理",
        ),
        FieldPanel("life_events"),
        FieldPanel("agency_villages"),
        FieldRowPanel([FieldPanel("last_verified"), FieldPanel("demo_label")]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("conditions"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = "办事指南"
        verbose_name_plural = "办事指南"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def missing_fields(self):
        return [label for field, label in REQUIRED_FIELDS.items() if not getattr(self, field)]

    @property
    def material_lines(self):
        return [line.strip() for line in self.materials.splitlines() if line.strip()]

    @property
    def process_lines(self):
        return [line.strip() for line in self.process.splitlines() if line.strip()]


class ServiceForm(Orderable):
    """A downloadable form or filled-in sample of a service."""

    service = ParentalKey(ServiceItem, on_delete=models.CASCADE, related_name="forms")
    title = models.CharField("名称", max_length=100)
    sample = models.BooleanField("示例样表", default=False, help_text="不勾选为空白表格。")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name="文件"
    )

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("sample")]), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "表格"
        verbose_name_plural = "表格"
