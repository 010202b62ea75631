"""News articles and case studies of local practice."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.attribution import AttributedPage
from home.richtext import RICH_TEXT_FEATURES


def body_blocks():
    return [
        (
            "paragraph",
            blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="正文段落", icon="pilcrow"),
        ),
    ]


class ArticleIndexPage(Page):
    """Shared behaviour of the news and case-study listings."""

    intro = models.TextField("简介", blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    listed_model = None

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return "news/article_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = (
            self.listed_model.objects.child_of(self).live().public().order_by("-date", "-pk")
        )
        return context


class ArticlePage(AttributedPage, Page):
    """Fields every news article and case study has."""

    region = models.ForeignKey(
        "policies.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="地区",
    )
    body = StreamField(body_blocks(), verbose_name="正文")

    content_panels = (
        Page.content_panels
        + AttributedPage.attribution_panels
        + [FieldPanel("region"), FieldPanel("body")]
    )
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("author"),
        index.SearchField("source"),
        index.FilterField("date"),
    ]
    subpage_types = []

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return "news/article_page.html"


class NewsArticlePage(ArticlePage):
    parent_page_types = ["news.NewsIndexPage"]

    class Meta:
        verbose_name = "新闻"
        verbose_name_plural = "新闻"


class CaseStudyPage(ArticlePage):
    parent_page_types = ["news.CaseStudyIndexPage"]

    class Meta:
        verbose_name = "典型案例"
        verbose_name_plural = "典型案例"


class NewsIndexPage(ArticleIndexPage):
    listed_model = NewsArticlePage
    subpage_types = ["news.NewsArticlePage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = "新闻列表"


class CaseStudyIndexPage(ArticleIndexPage):
    listed_model = CaseStudyPage
    subpage_types = ["news.CaseStudyPage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = "案例列表"
