"""Policy library pages: the index, policy documents and their interpretations."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.attribution import AttributedPage
from home.richtext import RICH_TEXT_FEATURES


class Validity(models.TextChoices):
    VALID = "有效", "有效"
    AMENDED = "已修订", "已修订"
    REPEALED = "已废止", "已废止"
    EXPIRED = "已失效", "已失效"


class DocType(models.TextChoices):
    OPINION = "意见", "意见"
    MEASURES = "办法", "办法"
    NOTICE = "通知", "通知"
    PLAN = "规划", "规划"
    PROGRAMME = "方案", "方案"
    REGULATION = "条例", "条例"
    DECISION = "决定", "决定"
    RULES = "规定", "规定"
    OTHER = "其他", "其他"


def body_blocks():
    return [
        (
            "paragraph",
            blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="正文段落", icon="pilcrow"),
        ),
    ]


class PolicyIndexPage(Page):
    """政策文件库: lists the policy documents below it."""

    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "policies.PolicyPage",
        "policies.PolicyInterpretationPage",
        "policies.PolicyPackagePage",
    ]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = "政策文件库"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["policies"] = (
            PolicyPage.objects.child_of(self).live().public().order_by("-published_date", "-pk")
        )
        return context


class PolicyPage(Page):
    """A policy document with the metadata of government information disclosure."""

    doc_number = models.CharField("发文字号", max_length=100, blank=True)
    index_number = models.CharField("索引号", max_length=100, blank=True)
    issuing_authorities = ParentalManyToManyField(
        "policies.IssuingAuthority", blank=True, verbose_name="发文机关"
    )
    doc_type = models.CharField(
        "文种", max_length=20, choices=DocType.choices, default=DocType.OTHER
    )
    written_date = models.DateField("成文日期", null=True, blank=True)
    published_date = models.DateField("发布日期", null=True, blank=True)
    effective_date = models.DateField("实施日期", null=True, blank=True)
    expiry_date = models.DateField("失效日期", null=True, blank=True)
    validity = models.CharField(
        "有效性", max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    topics = ParentalManyToManyField("policies.Topic", blank=True, verbose_name="主题分类")
    region = models.ForeignKey(
        "policies.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="地区",
    )
    summary = models.TextField("摘要", blank=True)
    is_summary = models.BooleanField(
        "仅为摘要",
        default=False,
        help_text="本页只收录报道中对该文件的介绍，而非文件原文时勾选。",
    )
    editor_note = models.CharField("编者说明", max_length=500, blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name="正文")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("doc_number"),
                FieldPanel("index_number"),
                FieldPanel("issuing_authorities"),
                FieldPanel("doc_type"),
                FieldPanel("written_date"),
                FieldPanel("published_date"),
                FieldPanel("effective_date"),
                FieldPanel("expiry_date"),
                FieldPanel("validity"),
                FieldPanel("topics"),
                FieldPanel("region"),
            ],
            heading="文件信息",
        ),
        FieldPanel("summary"),
        FieldPanel("is_summary"),
        FieldPanel("editor_note"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("doc_number", boost=5),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("validity"),
        index.FilterField("doc_type"),
        index.FilterField("published_date"),
    ]
    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "政策文件"
        verbose_name_plural = "政策文件"

    @property
    def date(self):
        return self.published_date or self.written_date


class PolicyInterpretationPage(AttributedPage, Page):
    """政策解读: an explanation of a policy document."""

    interprets = models.ForeignKey(
        "policies.PolicyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
        verbose_name="解读的文件",
    )
    body = StreamField(body_blocks(), blank=True, verbose_name="正文")

    content_panels = (
        Page.content_panels
        + [FieldPanel("interprets")]
        + AttributedPage.attribution_panels
        + [FieldPanel("body")]
    )
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "政策解读"
        verbose_name_plural = "政策解读"
