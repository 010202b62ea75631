"""News articles, and what every article-like page shares."""

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.attribution import AttributedPage
from media.api import ImageField
from news.api import NameField
from news.blocks import ArticleBodyBlock
from news.listing import Listing

TEASER_LENGTH = 110


class ArticleIndexPage(Page):
    """Shared behaviour of the news and case-study listings."""

    intro = models.TextField("简介", blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    listed_model = None
    template = "news/article_index_page.html"
    api_fields = [APIField("intro")]
    schema_org_type = "CollectionPage"

    class Meta:
        abstract = True

    def listed_items(self):
        items = self.listed_model.objects.child_of(self).live().public()
        return items.prefetch_related("themes") if hasattr(self.listed_model, "themes") else items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = Listing(
            self.listed_items(), request.GET, with_themes=hasattr(self.listed_model, "themes")
        )
        context["listing"] = listing
        context["items"] = listing.page_obj
        return context


class ArticlePage(AttributedPage, Page):
    """Fields every news article and case study has."""

    lead_image = models.ForeignKey(
        "media.CreditedImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="题图",
    )
    region = models.ForeignKey(
        "taxonomy.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="地区",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name="正文")

    content_panels = (
        Page.content_panels
        + [FieldPanel("lead_image")]
        + AttributedPage.attribution_panels
        + [
            FieldPanel("region"),
            FieldPanel("body"),
            InlinePanel(
                "village_links",
                label="相关村（社区）",
                help_text="本文所写的村（社区）；其页面会列出本文，本文也链接到其村务公开",
            ),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("author"),
        index.SearchField("source"),
        index.FilterField("date"),
    ]
    subpage_types = []
    template = "news/article_page.html"
    api_fields = AttributedPage.attribution_api_fields + [
        APIField("region", serializer=NameField()),
        APIField("lead_image", serializer=ImageField()),
        APIField("tags"),
        APIField("body"),
    ]
    schema_org_type = "Article"

    class Meta:
        abstract = True

    @property
    def teaser(self):
        """A short plain-text summary for listings and feeds."""
        if self.search_description:
            return self.search_description
        for block in self.body:
            if block.block_type == "paragraph":
                text = strip_tags(block.value.source).strip()
                if text:
                    return Truncator(text).chars(TEASER_LENGTH)
        return ""

    def named_villages(self):
        """The live villages this article is about, in the editor's order."""
        links = self.village_links.all()
        return [link.village for link in links if link.village.live]

    def tag_names(self):
        return [tag.name for tag in self.tags.all()]

    def related_pages(self, limit=4):
        """Other live pages of the same kind sharing a tag, newest first, then the latest."""
        others = type(self).objects.live().public().exclude(pk=self.pk)
        names = self.tag_names()
        found = list(others.filter(tags__name__in=names).distinct().order_by("-date")[:limit])
        if len(found) < limit:
            seen = [p.pk for p in found]
            found += list(others.exclude(pk__in=seen).order_by("-date")[: limit - len(found)])
        return found


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(ArticlePage):
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name="标签")

    content_panels = ArticlePage.content_panels + [FieldPanel("tags")]
    parent_page_types = ["news.NewsIndexPage"]
    template = "news/article_page.html"
    schema_org_type = "NewsArticle"

    class Meta:
        verbose_name = "新闻"
        verbose_name_plural = "新闻"


class NewsIndexPage(ArticleIndexPage):
    listed_model = NewsArticlePage
    feed_name = "news"
    template = "news/article_index_page.html"
    subpage_types = ["news.NewsArticlePage"]
    gov_column_type = "要闻动态"
    gov_column_keywords = "新闻,工作动态,社区治理"
    gov_freshness = "news"
    parent_page_types = [settings.HOME_PAGE_MODEL]

    class Meta:
        verbose_name = "新闻列表"
