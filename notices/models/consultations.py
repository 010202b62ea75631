"""意见征集: a draft out for comment, its window, and afterwards what was adopted and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import rules, window
from ..admin_forms import ConsultationPageForm
from ..articles import split_articles
from .notices import open_first

DECISION_CHOICES = [("adopted", "采纳"), ("partly", "部分采纳"), ("not", "未采纳")]


def consultation_label(state):
    if state.state == window.OPEN:
        return f"征求意见中，还剩 {state.days_left} 天"
    if state.state == window.CLOSED:
        return "征求意见已结束"
    return state.label


class ConsultationIndexPage(Page):
    """意见征集: every consultation, open ones first."""

    intro = models.TextField("简介", blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = [settings.HOME_PAGE_MODEL]
    subpage_types = ["notices.ConsultationPage"]
    template = "notices/consultation_index_page.html"
    schema_org_type = "CollectionPage"
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "意见征集栏目"
        verbose_name_plural = "意见征集栏目"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        pages = ConsultationPage.objects.live().public()
        context["consultations"] = [(p, p.state(today)) for p in open_first(pages, today)]
        return context


class ConsultationPage(Page):
    organ = models.CharField("征集单位", max_length=100)
    document_title = models.CharField("草案名称", max_length=200)
    draft_text = models.TextField(
        "草案全文", help_text="每条以“第X条”开头另起一行，公众可对某一条提出意见"
    )
    explanation = RichTextField("起草说明")
    window_start = models.DateField("征求意见开始日期")
    window_end = models.DateField("征求意见截止日期")
    short_reason = models.TextField(
        "征求意见期少于30日的理由", blank=True, help_text="依法不少于30日；缩短的须说明理由并公开"
    )
    contact = models.CharField("其他反馈方式", max_length=200, blank=True)
    previous_version = models.ForeignKey(
        "self",
        verbose_name="上一稿",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisions_of_draft",
    )
    final_policy = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="正式文件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interpretation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="政策解读",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adoption_summary = models.TextField("意见采纳情况说明", blank=True)
    demo_label = models.CharField("示例标注", max_length=40, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("organ"), FieldPanel("document_title")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("window_start"), FieldPanel("window_end")]),
                FieldPanel("short_reason"),
            ],
            heading="征求意见期",
        ),
        FieldPanel("explanation"),
        FieldPanel("draft_text"),
        FieldPanel("contact"),
        FieldPanel("previous_version"),
        MultiFieldPanel(
            [FieldPanel("adoption_summary"), InlinePanel("adoption_groups", label="意见分组")],
            heading="采纳情况（征求意见结束后填写）",
        ),
        FieldRowPanel([FieldPanel("final_policy"), FieldPanel("interpretation")]),
        FieldPanel("demo_label"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("document_title"),
        index.SearchField("draft_text"),
        index.SearchField("explanation"),
        index.SearchField("organ"),
        index.FilterField("window_end"),
    ]
    api_fields = [
        APIField("organ"),
        APIField("document_title"),
        APIField("window_start"),
        APIField("window_end"),
        APIField("short_reason"),
        APIField("state_label"),
        APIField("adoption_summary"),
        APIField("demo_label"),
    ]
    parent_page_types = ["notices.ConsultationIndexPage"]
    subpage_types = []
    template = "notices/consultation_page.html"
    base_form_class = ConsultationPageForm
    schema_org_type = "Article"

    class Meta:
        verbose_name = "意见征集"
        verbose_name_plural = "意见征集"

    @property
    def date(self):
        return self.window_start

    def gov_article(self):
        """Article facts for the government meta tags: published when comments open."""
        return {"pub_date": self.window_start, "source": self.organ, "keywords": ["意见征集"]}

    def state(self, today=None):
        return window.window_state(
            self.window_start, self.window_end, today or timezone.localdate()
        )

    @property
    def search_status(self):
        return self.state_label

    @property
    def state_label(self):
        return consultation_label(self.state())

    @property
    def rule(self):
        return rules.CONSULTATION

    def split(self):
        return split_articles(self.draft_text)

    def article_choices(self):
        _, articles = self.split()
        return [(0, "对草案整体")] + [(a.number, f"{a.label}") for a in articles]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "no-cache"
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        state = self.state()
        preamble, articles = self.split()
        context.update(window_state=state, preamble=preamble, articles=articles)
        context["state_text"] = consultation_label(state)
        if state.state == window.CLOSED:
            comments = self.comments.filter(status="approved").order_by("article_no", "pk")
            context["comments"] = list(comments)
        context["comment_count"] = self.comments.exclude(status="rejected").count()
        context["groups"] = list(self.adoption_groups.all())
        context["newer"] = list(self.revisions_of_draft.live())
        return context


class AdoptionGroup(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="adoption_groups")
    topic = models.CharField("意见归类", max_length=200)
    article_no = models.PositiveIntegerField("涉及条款", default=0, help_text="0 表示草案整体")
    comment_count = models.PositiveIntegerField("意见条数", default=1)
    decision = models.CharField("是否采纳", max_length=10, choices=DECISION_CHOICES)
    reason = models.TextField("理由")

    panels = [
        FieldRowPanel([FieldPanel("topic"), FieldPanel("article_no"), FieldPanel("comment_count")]),
        FieldPanel("decision"),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "意见分组"
        verbose_name_plural = "意见分组"
