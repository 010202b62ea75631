"""The home page: the root of the public site."""

import hashlib

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

    @property
    def fragment_revision(self):
        """Its live revision, else (the home page the migration made and imports save directly,
        never published) a hash of its own fields: the home fragment's key
        (listings.fragments; the featured policies are saved with the page, which starts a
        new generation)."""
        if self.live_revision_id:
            return self.live_revision_id
        own = f"{self.title}|{self.seo_title}|{self.intro}|{self.last_published_at}"
        return "fields-" + hashlib.sha256(own.encode()).hexdigest()[:16]

    def get_context(self, request, *args, **kwargs):
        from .sections import LazySections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = LazySections(self)
        return context


class HomeFeaturedPolicy(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_policies")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="政策"
    )

    panels = [PageChooserPanel("page", ["policies.PolicyPage"])]

    class Meta(Orderable.Meta):
        verbose_name = "推荐政策"
