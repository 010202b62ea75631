"""The administrative hierarchy as pages: index → county → township/street → village/community."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from listings.params import clean_text
from workdays.calendar import load_calendar

from .. import schedule
from .disclosure import DisclosurePage
from .protected import ProtectedTreeMixin, demo_label_field

PAGES_ABOUT_VILLAGE = "gongkai_pages_about_village"
VILLAGE_SECTIONS = "gongkai_village_sections"


class HoldsDeclaredChildren:
    """Besides its own ``subpage_types``, the page holds the page types of other apps that name
    it in their ``parent_page_types`` (a 公示 under a township or village): those apps say where
    their pages go, and this one names none of them."""

    @classmethod
    def clean_subpage_models(cls):
        own = super().clean_subpage_models()
        declared = [
            model
            for model in get_page_models()
            if model not in own
            and getattr(model, "parent_page_types", None) is not None
            and cls in model.clean_parent_page_models()
        ]
        return own + declared


class DisclosureIndexPage(ProtectedTreeMixin, Page):
    """四务公开: where villagers start; lists counties and their townships."""

    demo_label = demo_label_field()

    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("demo_label")]
    parent_page_types = [settings.HOME_PAGE_MODEL]
    subpage_types = ["disclosures.CountyPage"]
    max_count = 1
    gov_column_type = "基层政务公开"
    gov_column_keywords = "村务公开,党务公开,财务公开,四务公开"
    api_fields = [APIField("intro")]
    schema_org_type = "CollectionPage"

    class Meta:
        verbose_name = "四务公开首页"
        verbose_name_plural = "四务公开首页"

    def get_sitemap_urls(self, request=None):
        """The index, then the public 核验 page (a route outside the page tree)."""
        from django.urls import reverse

        from siteidentity.addresses import absolute_url

        entries = super().get_sitemap_urls(request)
        verify = {"location": absolute_url(reverse("disclosures:verify"))}
        return entries + [{**verify, "lastmod": entries[0].get("lastmod")}] if entries else entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counties = CountyPage.objects.live().child_of(self).order_by("path")
        context["counties"] = [
            (county, TownshipPage.objects.live().child_of(county).order_by("path"))
            for county in counties
        ]
        query = clean_text(request.GET.get("q"), 40)
        if query:
            context["query"] = query
            context["village_hits"] = (
                VillagePage.objects.live()
                .descendant_of(self)
                .filter(title__icontains=query)
                .order_by("path")[:50]
            )
        return context


class CountyPage(ProtectedTreeMixin, Page):
    """区县."""

    demo_label = demo_label_field()

    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("demo_label")]
    parent_page_types = ["disclosures.DisclosureIndexPage"]
    subpage_types = ["disclosures.TownshipPage"]
    api_fields = [APIField("intro")]
    schema_org_type = "CollectionPage"

    class Meta:
        verbose_name = "区县"
        verbose_name_plural = "区县"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["townships"] = TownshipPage.objects.live().child_of(self).order_by("path")
        return context


class TownshipPage(HoldsDeclaredChildren, ProtectedTreeMixin, Page):
    """乡镇/街道: lists its villages and which of them are overdue."""

    demo_label = demo_label_field()

    kind = models.CharField(
        "类型", max_length=10, choices=[("乡镇", "乡镇"), ("街道", "街道")], default="乡镇"
    )
    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("demo_label"),
    ]
    parent_page_types = ["disclosures.CountyPage"]
    subpage_types = ["disclosures.VillagePage"]
    api_fields = [APIField("kind"), APIField("intro")]
    schema_org_type = "CollectionPage"

    class Meta:
        verbose_name = "乡镇/街道"
        verbose_name_plural = "乡镇/街道"

    def villages(self):
        return VillagePage.objects.live().child_of(self).order_by("path")

    def villages_with_disclosures(self):
        """(village, its live disclosures newest first), in two queries for all villages."""
        found = (
            DisclosurePage.objects.live()
            .descendant_of(self)
            .filter(depth=self.depth + 2)
            .order_by("-period_end", "-pk")
        )
        by_village = {}
        for disclosure in found:
            by_village.setdefault(disclosure.path[: -self.steplen], []).append(disclosure)
        return [(village, by_village.get(village.path, [])) for village in self.villages()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        calendar = load_calendar()
        rows = [
            (village, village.category_status(items=items, calendar=calendar))
            for village, items in self.villages_with_disclosures()
        ]
        context["rows"] = rows
        context["overdue_rows"] = [
            (village, [s for s in statuses if s.overdue.overdue]) for village, statuses in rows
        ]
        context["overdue_rows"] = [r for r in context["overdue_rows"] if r[1]]
        context["categories"] = schedule.CATEGORY_CHOICES
        context["glance"] = glance_counts(rows)
        return context


def glance_counts(rows):
    """How many village categories are on time, due this month and overdue."""
    counts = {"ontime": 0, "due": 0, "overdue": 0}
    for _village, statuses in rows:
        for status in statuses:
            counts[status.state] += 1
    return counts


class CategoryStatus:
    """The latest disclosure of one category in a village, and whether it is overdue."""

    def __init__(self, category, latest, overdue, due=None):
        self.category = category
        self.label = schedule.CATEGORY_LABELS[category]
        self.latest = latest
        self.overdue = overdue
        self.due = due

    @property
    def state(self):
        """按期, 本月到期 or 逾期, for the at-a-glance marks."""
        if self.overdue.overdue:
            return "overdue"
        return "due" if self.due else "ontime"


class VillagePage(HoldsDeclaredChildren, ProtectedTreeMixin, Page):
    """村/社区: latest disclosure per category, overdue marks, history, poster and data."""

    demo_label = demo_label_field()

    kind = models.CharField(
        "类型", max_length=10, choices=[("村", "村"), ("社区", "社区")], default="村"
    )
    finance_interval = models.CharField(
        "财务公开频率",
        max_length=10,
        choices=schedule.INTERVAL_CHOICES,
        default=schedule.QUARTER,
        help_text="集体财务往来较多的村应每月公开财务；其他每季度至少一次。",
    )
    tracking_since = models.DateField(
        "纳入公开监测日期",
        null=True,
        blank=True,
        help_text="此日期前结束的期间不计逾期。留空则从不设起点。",
    )
    board_location = models.CharField(
        "公开栏位置", max_length=200, blank=True, help_text="例如“村党群服务中心门口公开栏”"
    )
    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("finance_interval"),
                FieldPanel("tracking_since"),
                FieldPanel("board_location"),
            ],
            heading="公开要求",
        ),
        FieldPanel("demo_label"),
    ]
    parent_page_types = ["disclosures.TownshipPage"]
    subpage_types = ["disclosures.DisclosurePage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [
        APIField("kind"),
        APIField("finance_interval"),
        APIField("board_location"),
        APIField("demo_label"),
        APIField("overdue_summary"),
    ]
    schema_org_type = "CollectionPage"

    class Meta:
        verbose_name = "村/社区"
        verbose_name_plural = "村/社区"

    @property
    def township(self):
        return TownshipPage.objects.ancestor_of(self).last()

    def disclosures(self):
        return DisclosurePage.objects.live().child_of(self).order_by("-period_end", "-pk")

    def category_status(self, today=None, items=None, calendar=None):
        """One CategoryStatus per category, in the legal order 党务/村务/财务/服务."""
        today = today or timezone.localdate()
        calendar = calendar or load_calendar()
        items = list(self.disclosures()) if items is None else items
        statuses = []
        for category, _label in schedule.CATEGORY_CHOICES:
            mine = [d for d in items if d.category == category and not d.withdrawn]
            regular = [(d.period_start, d.period_end) for d in mine if d.is_regular]
            rules = {
                "finance_interval": self.finance_interval,
                "tracking_since": self.tracking_since,
                "calendar": calendar,
            }
            overdue = schedule.overdue_status(category, regular, today, **rules)
            due = schedule.due_this_month(category, regular, today, **rules)
            statuses.append(CategoryStatus(category, mine[0] if mine else None, overdue, due))
        return statuses

    @property
    def overdue_summary(self):
        return [
            {
                "category": s.category,
                "label": s.label,
                "overdue": s.overdue.overdue,
                "message": s.overdue.message,
                "latest": s.latest.pk if s.latest else None,
            }
            for s in self.category_status()
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["statuses"] = self.category_status()
        by_year = {}
        for disclosure in self.disclosures():
            by_year.setdefault(disclosure.period_year, []).append(disclosure)
        context["by_year"] = sorted(by_year.items(), reverse=True)
        context["categories"] = schedule.CATEGORY_CHOICES
        context["charts"] = self.finance_charts()
        context["articles"] = self.articles()
        context["village_sections"] = self.sections(request)
        return context

    def sections(self, request):
        """HTML sections other apps add to the village page (hook ``gongkai_village_sections``:
        a function of the village and the request returning safe HTML, or an empty string)."""
        from django.utils.safestring import mark_safe
        from wagtail import hooks

        if not self.pk:
            return []
        found = [fn(self, request) for fn in hooks.get_hooks(VILLAGE_SECTIONS)]
        return [mark_safe(html) for html in found if html]  # noqa: S308 (rendered templates)

    def articles(self):
        """Pages that name this village (news and case studies choose their villages), newest
        first: each app lists its own through the ``gongkai_pages_about_village`` hook."""
        from wagtail import hooks

        if not self.pk:
            return []
        found = [page for fn in hooks.get_hooks(PAGES_ABOUT_VILLAGE) for page in fn(self)]
        return sorted(found, key=lambda p: (p.date, p.pk), reverse=True)

    def finance_charts(self):
        from ..chart_svg import village_charts

        pages = self.disclosures().filter(category=schedule.FINANCE)
        return village_charts(list(pages), f"village-{self.pk}")
