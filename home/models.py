"""The home page: the root of the public site."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page


class HomePage(Page):
    """Latest news and case studies, featured policies and photo features."""

    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_policies", label="推荐政策", max_num=8),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # 网页元数据 and the inspection self-check (siteidentity.govmeta).
    gov_column_type = "首页"
    gov_column_name = "首页"
    gov_column_keywords = "城乡社区治理,政策文件,村务公开"
    gov_freshness = "home"
    api_fields = [APIField("intro")]
    schema_org_type = "WebSite"

    class Meta:
        verbose_name = "首页"

    def get_context(self, request, *args, **kwargs):
        from .sections import home_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        return context


class HomeFeaturedPolicy(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_policies")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="政策"
    )

    panels = [PageChooserPanel("page", ["policies.PolicyPage"])]

    class Meta(Orderable.Meta):
        verbose_name = "推荐政策"


class ImportedRecord(models.Model):
    """Which object an imported record id became, so re-imports update instead of duplicating."""

    source_id = models.CharField("导入编号", max_length=255, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    checksum = models.CharField("内容校验值", max_length=64, blank=True)
    imported_at = models.DateTimeField("导入时间", auto_now=True)

    class Meta:
        verbose_name = "导入记录"
        verbose_name_plural = "导入记录"

    def __str__(self):
        return self.source_id

    @property
    def target(self):
        model = self.content_type.model_class()
        return model.objects.filter(pk=self.object_id).first() if model else None
