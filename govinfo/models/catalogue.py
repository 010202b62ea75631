"""标准目录: what each body must publish, where, on what basis and within what time."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from .. import timerules
from ..areas import AREA_CHOICES, LEVEL_CHOICES

# Pages this app builds from its own records, which fulfil the matching catalogue items.
GENERATED_CHOICES = [
    ("bodies", "机构职能"),
    ("leaders", "负责人信息"),
    ("guide", "政府信息公开指南"),
    ("catalogue", "政府信息公开目录"),
    ("services", "办事指南"),
    ("website_report", "政府网站工作年度报表"),
]


def validate_time_rule(value):
    try:
        timerules.parse(value)
    except timerules.TimeRuleError as error:
        raise ValidationError(str(error)) from None


class CatalogueItem(index.Indexed, ClusterableModel):
    """One item of a body's 政府信息公开目录, from the standard catalogue."""

    code = models.CharField("目录编号", max_length=30)
    level = models.CharField("层级", max_length=20, choices=LEVEL_CHOICES)
    area = models.CharField("领域", max_length=30, choices=AREA_CHOICES)
    name = models.CharField("公开事项", max_length=200)
    content = models.TextField("公开内容（要素）")
    basis = models.TextField("公开依据")
    time_rule = models.CharField(
        "公开时限", max_length=60, validators=[validate_time_rule],
        help_text="如：形成或变更之日起20个工作日内、每月10日前、每季度首月20日前、"
        "每年1月31日前、长期公开。",
    )  # fmt: skip
    responsible = models.CharField("公开主体", max_length=100)
    channel = models.CharField("公开栏目（渠道）", max_length=200)
    body = models.ForeignKey(
        "govinfo.Body", on_delete=models.CASCADE, related_name="catalogue_items",
        verbose_name="所属机构",
    )  # fmt: skip
    column = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="发布栏目页面",
        help_text="本栏目下发布的页面都算作本事项的公开内容；也可在下方逐篇关联。",
    )  # fmt: skip
    generated = models.CharField(
        "本站生成的页面", max_length=20, blank=True, choices=GENERATED_CHOICES,
        help_text="由本站按数据生成的页面（如机构职能），其更新日期自动计入。",
    )  # fmt: skip
    tracking_since = models.DateField(
        "开始考核日期", default=datetime.date.today,
        help_text="此日期之前结束的期间不计逾期。",
    )  # fmt: skip
    source = models.CharField("目录来源", max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("level"), FieldPanel("area")]),
        FieldPanel("name"),
        FieldPanel("content"),
        FieldPanel("basis"),
        FieldRowPanel([FieldPanel("time_rule"), FieldPanel("tracking_since")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("responsible"), FieldPanel("body")]),
                FieldPanel("channel"),
                FieldRowPanel([FieldPanel("column"), FieldPanel("generated")]),
                InlinePanel("links", heading="已发布的页面", label="页面"),
            ],
            heading="公开主体与发布位置",
        ),
        FieldPanel("source"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "公开目录事项"
        verbose_name_plural = "公开目录事项"
        ordering = ["body__sort_order", "body__name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["body", "code"], name="govinfo_item_code_per_body")
        ]

    def __str__(self):
        return f"{self.body}：{self.name}"

    @property
    def rule(self):
        return timerules.parse(self.time_rule)


class CatalogueLink(Orderable):
    """A page that fulfils a catalogue item."""

    item = ParentalKey(CatalogueItem, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="页面"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "已发布的页面"
        verbose_name_plural = "已发布的页面"
