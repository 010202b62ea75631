"""The policy library index page and interpretation pages."""

from django.conf import settings
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.attribution import AttributedPage
from editorial.richtext import RICH_TEXT_FEATURES

from ..choices import DocType, Validity
from .policy import PolicyPage

__all__ = ["DocType", "PolicyIndexPage", "PolicyInterpretationPage", "PolicyPage", "Validity"]


def body_blocks():
    return [
        (
            "paragraph",
            blocks.RichTextBlock(
                features=RICH_TEXT_FEATURES,
                label="正文段落",
                icon="pilcrow",
                template="policies/blocks/rich_text.html",
                preview_value="<p>这份文件的主要内容是……</p>",
            ),
        ),
    ]


class PolicyIndexPage(Page):
    """政策文件库: lists, filters and sorts the policy documents below it."""

    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "policies.PolicyPage",
        "policies.PolicyInterpretationPage",
        "policies.PolicyPackagePage",
    ]
    parent_page_types = [settings.HOME_PAGE_MODEL]
    gov_column_type = "政策文件"
    gov_column_keywords = "政策文件,政策解读,规范性文件"
    gov_freshness = "policy"
    api_fields = [APIField("intro")]
    schema_org_type = "CollectionPage"

    class Meta:
        verbose_name = "政策文件库"

    def get_context(self, request, *args, **kwargs):
        from types import SimpleNamespace

        from django.utils.functional import SimpleLazyObject

        from listings.fragments import request_stamp
        from policies import library

        context = super().get_context(request, *args, **kwargs)
        base = PolicyPage.objects.descendant_of(self).live()
        stamp = f"{self.pk}:{request_stamp(request)}"
        # Computed only when the template's fragment is not in the cache.
        listing = SimpleLazyObject(
            lambda: library.run_library_query(base.public(), request.GET, cache_key=stamp)
        )
        context["library"] = listing
        context["library_query"] = library.query_key(request.GET)
        checked = base.public() if request.GET.get("year") else base  # only a year reads it
        filters = library.active_filters(checked, request.GET)
        context["library_head"] = SimpleNamespace(filters=filters)
        context["policies"] = SimpleLazyObject(lambda: listing.page.object_list)
        context["packages"] = SimpleLazyObject(self._live_packages)
        return context

    def _live_packages(self):
        from .packages import PolicyPackagePage

        return list(PolicyPackagePage.objects.descendant_of(self).live().public())


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
    api_fields = [
        APIField("date"),
        APIField("author"),
        APIField("source"),
        APIField("source_url"),
        APIField("interprets_id"),
        APIField("interprets_title"),
        APIField("body"),
    ]
    parent_page_types = ["policies.PolicyIndexPage"]
    subpage_types = []
    schema_org_type = "Article"

    class Meta:
        verbose_name = "政策解读"
        verbose_name_plural = "政策解读"

    @property
    def interprets_title(self):
        return self.interprets.title if self.interprets else ""
