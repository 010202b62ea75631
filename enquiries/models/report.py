"""政府信息公开工作年度报告: a page built from the data, edited by staff, then published."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import report_tables as tables
from ..report_forms import AnnualReportForm

TEXT_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link"]
TABLE_HELP = (
    "<p>以下三个表格由“依申请公开与留言 → 生成年度报告”根据本站数据生成，发布前可以核对修改；"
    "行政复议、行政诉讼的数字请按实际情况填写。申请情况表中每行的总计须等于各列之和，"
    "本年新收与上年结转之和须等于办理结果总计与结转下年度之和。</p>"
)


class AnnualReportPage(Page):
    """One year's report in the prescribed six sections."""

    year = models.PositiveSmallIntegerField("报告年度")
    organ = models.CharField("报告机关", max_length=100)
    overview = RichTextField("一、总体情况", features=TEXT_FEATURES, blank=True)
    proactive = models.JSONField("二、主动公开政府信息情况", default=tables.empty_proactive)
    applications = models.JSONField("三、收到和处理政府信息公开申请情况", default=dict)
    review_litigation = models.JSONField(
        "四、政府信息公开行政复议、行政诉讼情况", default=tables.empty_review
    )
    problems = RichTextField("五、存在的主要问题及改进情况", features=TEXT_FEATURES, blank=True)
    other_matters = RichTextField("六、其他需要报告的事项", features=TEXT_FEATURES, blank=True)
    generated_at = models.DateTimeField("数据生成时间", null=True, blank=True, editable=False)
    demo_label = models.CharField("示例数据标注", max_length=100, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("organ"),
        FieldPanel("overview"),
        MultiFieldPanel(
            [
                HelpPanel(content=TABLE_HELP),
                FieldPanel("proactive"),
                FieldPanel("applications"),
                FieldPanel("review_litigation"),
            ],
            heading="统计表",
        ),
        FieldPanel("problems"),
        FieldPanel("other_matters"),
        FieldPanel("demo_label"),
    ]
    base_form_class = AnnualReportForm
    parent_page_types = [settings.HOME_PAGE_MODEL]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("overview"),
        index.SearchField("problems"),
        index.FilterField("year"),
    ]
    api_fields = [
        APIField("year"),
        APIField("organ"),
        APIField("overview"),
        APIField("proactive"),
        APIField("applications"),
        APIField("review_litigation"),
        APIField("problems"),
        APIField("other_matters"),
        APIField("demo_label"),
    ]

    class Meta:
        verbose_name = "政府信息公开工作年度报告"
        verbose_name_plural = "政府信息公开工作年度报告"

    def clean(self):
        super().clean()
        errors = {}
        problems = tables.check_application_table(self.applications)
        if problems:
            errors["applications"] = problems
        for name, expected in (
            ("proactive", tables.empty_proactive()),
            ("review_litigation", tables.empty_review()),
        ):
            value = getattr(self, name)
            if not isinstance(value, dict) or any(
                not isinstance(value.get(k), list)
                or len(value[k]) != len(v)
                or not all(isinstance(n, int | float) and n >= 0 for n in value[k])
                for k, v in expected.items()
            ):
                errors[name] = "格式不正确：请保留每一行，数字为非负数"
        if errors:
            raise ValidationError(errors)

    def application_table(self):
        """[(label, depth, numbers)] for templates and the spreadsheet."""
        return [
            (label, depth, self.applications.get(key, [0] * len(tables.COLUMNS)))
            for key, label, depth in tables.application_rows()
        ]

    def proactive_table(self):
        return [
            (article, label, headings, self.proactive.get(key, [0] * len(headings)))
            for key, article, label, headings in tables.PROACTIVE_ROWS
        ]

    def review_table(self):
        return [
            (label, self.review_litigation.get(key, [0] * 5)) for key, label in tables.REVIEW_GROUPS
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["column_labels"] = tables.COLUMN_LABELS
        context["review_results"] = tables.REVIEW_RESULTS
        return context
