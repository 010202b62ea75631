"""Case studies of local practice: region, themes, key figures and related policies."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from news.api import KeyFigureListField, NameListField
from news.listing import province_of

from .articles import ArticleIndexPage, ArticlePage

number_validator = RegexValidator(r"^\d+(\.\d+)?$", "只能填写数字，可带小数点，例如 240 或 2.7。")


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPage(ArticlePage):
    """典型案例: how a place practises community governance, with its figures and policies."""

    themes = ParentalManyToManyField(
        "taxonomy.Topic",
        blank=True,
        related_name="case_studies",
        verbose_name="实践主题",
        help_text="与政策文件库共用的主题分类",
    )
    tags = ClusterTaggableManager(through=CaseStudyTag, blank=True, verbose_name="标签")

    content_panels = ArticlePage.content_panels + [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("key_figures", label="关键数据"),
        InlinePanel("policy_links", label="相关政策"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["news.CaseStudyIndexPage"]
    template = "news/article_page.html"
    api_fields = ArticlePage.api_fields + [
        APIField("themes", serializer=NameListField()),
        APIField("key_figures", serializer=KeyFigureListField()),
    ]

    class Meta:
        verbose_name = "典型案例"
        verbose_name_plural = "典型案例"

    def related_policies(self):
        return [
            link.policy for link in self.policy_links.select_related("policy") if link.policy.live
        ]

    def related_pages(self, limit=4):
        """Other case studies sharing a theme, then the same province, then the latest."""
        others = CaseStudyPage.objects.live().public().exclude(pk=self.pk).order_by("-date")
        found = list(others.filter(themes__in=self.themes.all()).distinct()[:limit])
        province = province_of(self.region.name) if self.region else ""
        if len(found) < limit and province:
            found += list(
                others.exclude(pk__in=[p.pk for p in found]).filter(
                    region__name__startswith=province
                )[: limit - len(found)]
            )
        if len(found) < limit:
            found += list(others.exclude(pk__in=[p.pk for p in found])[: limit - len(found)])
        return found


class KeyFigure(Orderable):
    """A number the case study reports, e.g. 240 个 新建党群服务中心."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="key_figures")
    number = models.CharField("数字", max_length=20, validators=[number_validator])
    unit = models.CharField("单位", max_length=20, blank=True, help_text="例如 个、户、万元、%")
    label = models.CharField("说明", max_length=100, help_text="例如 新建党群服务中心")

    panels = [FieldPanel("number"), FieldPanel("unit"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "关键数据"
        verbose_name_plural = "关键数据"

    def __str__(self):
        return f"{self.number}{self.unit} {self.label}"


class CaseStudyPolicy(Orderable):
    """A policy page the case study puts into practice."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="policy_links")
    policy = models.ForeignKey(
        "policies.PolicyPage", on_delete=models.CASCADE, related_name="+", verbose_name="政策文件"
    )

    panels = [PageChooserPanel("policy", "policies.PolicyPage")]

    class Meta(Orderable.Meta):
        verbose_name = "相关政策"
        verbose_name_plural = "相关政策"


class CaseStudyIndexPage(ArticleIndexPage):
    listed_model = CaseStudyPage
    feed_name = "cases"
    template = "news/article_index_page.html"
    subpage_types = ["news.CaseStudyPage"]
    gov_column_type = "典型案例"
    gov_column_keywords = "典型案例,经验做法,社区治理"
    parent_page_types = [settings.HOME_PAGE_MODEL]

    class Meta:
        verbose_name = "案例列表"
