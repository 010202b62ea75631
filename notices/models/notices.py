"""公示: a page with a legal window, objections during it and a result after it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import rules, window
from ..admin_forms import NoticePageForm
from ..masking import mask_text

LEVEL_LABELS = {"villagepage": "村级", "townshippage": "乡镇级"}
RESULT_CHOICES = [("", "尚未登记"), ("none", "无异议"), ("handled", "异议已处理")]


def open_first(pages, today=None):
    """Open notices first (soonest end first), then those not started, then closed (newest)."""
    today = today or timezone.localdate()
    order = {window.OPEN: 0, window.NOT_STARTED: 1, window.CLOSED: 2}

    def key(page):
        state = page.state(today).state
        end = page.window_end.toordinal()
        return (order[state], -end if state == window.CLOSED else end, -page.pk)

    return sorted(pages, key=key)


class NoticeIndexPage(Page):
    """公示公告: every live 公示 of the site, open ones first."""

    intro = models.TextField("简介", blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = [settings.HOME_PAGE_MODEL]
    subpage_types = ["notices.NoticePage"]
    template = "notices/notice_index_page.html"
    schema_org_type = "CollectionPage"
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "公示公告栏目"
        verbose_name_plural = "公示公告栏目"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        pages = NoticePage.objects.live().public().defer_streamfields()
        context["notices"] = [(p, p.state(today)) for p in open_first(pages, today)]
        return context


class NoticePage(Page):
    kind = models.CharField("公示类别", max_length=20, choices=rules.KIND_CHOICES)
    publisher = models.CharField("发布单位", max_length=100, help_text="如：圩洋村村民委员会")
    legal_basis = models.CharField(
        "公示依据", max_length=200, blank=True, help_text="留空则使用该类别的法定依据"
    )
    body = RichTextField("公示内容", blank=True)
    list_text = models.TextField(
        "公示名单",
        blank=True,
        help_text="每行一条，各栏用“｜”分隔，第一行为表头。身份证号、电话号码公开时自动遮盖。",
    )
    window_start = models.DateField("公示开始日期")
    window_end = models.DateField("公示结束日期", help_text="村民会议通知填会议召开日期")
    contact = models.CharField("异议受理方式", max_length=200, blank=True)
    result = models.CharField(
        "公示结果", max_length=10, choices=RESULT_CHOICES, blank=True, default=""
    )
    result_note = models.TextField("异议处理情况", blank=True)
    correction_note = models.TextField(
        "更正说明", blank=True, help_text="已发布的公示再次发布时必须说明更正了什么（公开显示）"
    )
    demo_label = models.CharField("示例标注", max_length=40, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("publisher")]),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("window_start"), FieldPanel("window_end")])],
            heading="公示期",
        ),
        FieldPanel("body"),
        FieldPanel("list_text"),
        FieldPanel("contact"),
        MultiFieldPanel([FieldPanel("result"), FieldPanel("result_note")], heading="公示结果"),
        FieldPanel("correction_note"),
        FieldPanel("demo_label"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("publisher"),
        index.SearchField("kind_label"),
        index.FilterField("kind"),
        index.FilterField("window_end"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("publisher"),
        APIField("legal_basis_text"),
        APIField("window_start"),
        APIField("window_end"),
        APIField("state_label"),
        APIField("result"),
        APIField("result_note"),
        APIField("demo_label"),
    ]
    parent_page_types = [
        "notices.NoticeIndexPage",
        "disclosures.VillagePage",
        "disclosures.TownshipPage",
    ]
    subpage_types = []
    template = "notices/notice_page.html"
    base_form_class = NoticePageForm
    schema_org_type = "Article"

    class Meta:
        verbose_name = "公示"
        verbose_name_plural = "公示"

    @property
    def rule(self):
        return rules.rule_for(self.kind)

    @property
    def kind_label(self):
        return self.rule.label

    @property
    def date(self):
        return self.window_start

    def gov_article(self):
        """Article facts for the government meta tags: a 公示 is published when its window opens."""
        return {
            "pub_date": self.window_start,
            "source": self.publisher,
            "keywords": ["公示", self.kind_label],
        }

    @property
    def legal_basis_text(self):
        return self.legal_basis or self.rule.basis

    @property
    def level(self):
        parent = self.get_parent()
        name = parent.specific_class._meta.model_name if parent else ""
        return LEVEL_LABELS.get(name, "县级")

    @property
    def village_id(self):
        """The village page above this notice, or None (objections then need no committee)."""
        parent = self.get_parent()
        if parent and parent.specific_class._meta.model_name == "villagepage":
            return parent.pk
        return None

    def state(self, today=None):
        return window.window_state(
            self.window_start, self.window_end, today or timezone.localdate()
        )

    @property
    def search_status(self):
        return self.state_label

    @property
    def state_label(self):
        return self.state().label

    def list_rows(self):
        """The list as rows of cells, ID and phone numbers masked."""
        lines = [line for line in self.list_text.splitlines() if line.strip()]
        return [[mask_text(cell.strip()) for cell in line.split("｜")] for line in lines]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "no-cache"  # the state changes with the day
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["window_state"] = self.state()
        context["corrections"] = list(self.corrections.order_by("number"))
        context["objections"] = list(self.objections.filter(public=True).exclude(reply=""))
        return context
