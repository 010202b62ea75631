"""Source attribution shared by pages that republish or report on other publications."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField


class AttributedPage(models.Model):
    """Abstract fields for byline, source publication and original URL."""

    date = models.DateField("日期", help_text="首次发布日期")
    author = models.CharField("作者/记者", max_length=255, blank=True)
    source = models.CharField("来源", max_length=255, blank=True)
    source_url = models.URLField("原文链接", max_length=500, blank=True)
    editor_note = models.CharField(
        "编者说明", max_length=500, blank=True, help_text="显示在页面顶部，例如“示例数据”或日期说明"
    )

    attribution_panels = [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("author"),
                FieldPanel("source"),
                FieldPanel("source_url"),
                FieldPanel("editor_note"),
            ],
            heading="来源与署名",
        )
    ]
    attribution_api_fields = [
        APIField(name) for name in ("date", "author", "source", "source_url", "editor_note")
    ]

    class Meta:
        abstract = True

    def gov_article(self):
        """Article facts for the government meta tags (siteidentity.govmeta)."""
        tags = getattr(self, "tags", None)
        return {
            "pub_date": self.date,
            "source": self.source,
            "author": self.author,
            "keywords": [t.name for t in tags.all()] if tags is not None else [],
        }

    @property
    def has_attribution(self):
        return bool(self.author or self.source or self.source_url)
