"""专题专栏: collection pages whose items are a saved query an editor sets in the admin."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .forms import CollectionPageForm
from .validation import criteria_errors

PAGE_SIZE_MIN, PAGE_SIZE_MAX = 5, 100
STALE_DAYS_MIN, STALE_DAYS_MAX = 1, 3650
HOME_ITEMS = 5


class Sort(models.TextChoices):
    NEWEST = "newest", "最新发布在前"
    OLDEST = "oldest", "最早发布在前"
    RELEVANCE = "relevance", "按检索相关度（需填写检索词）"


class CollectionIndexPage(Page):
    """专题专栏: lists the collections below it with the date of each one's newest item."""

    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = [settings.HOME_PAGE_MODEL]
    subpage_types = ["specials.CollectionPage"]
    schema_org_type = "CollectionPage"

    class Meta:
        verbose_name = "专题专栏"
        verbose_name_plural = "专题专栏"

    def collections(self):
        return CollectionPage.objects.child_of(self).live().public()


class CollectionPage(Page):
    """专题页: pinned pages first, then every live page matching the editor's criteria."""

    intro = models.TextField("简介", blank=True, help_text="显示在专题标题下方，也用作订阅说明")
    content_types = models.JSONField("内容类型", default=list, blank=True)
    topic_ids = models.JSONField("主题分类", default=list, blank=True)
    authority_ids = models.JSONField("发文机关", default=list, blank=True)
    region_ids = models.JSONField("地区", default=list, blank=True)
    package_ids = models.JSONField("政策体系", default=list, blank=True)
    validity = models.JSONField("有效性", default=list, blank=True)
    tags = models.CharField(
        "标签",
        max_length=500,
        blank=True,
        help_text="多个标签用逗号或顿号分隔，带任一标签即符合；只有新闻、典型案例和图片报道有标签",
    )
    date_from = models.DateField("开始日期", null=True, blank=True, help_text="含当天；留空不限")
    date_to = models.DateField("结束日期", null=True, blank=True, help_text="含当天；留空不限")
    search_query = models.CharField(
        "检索词",
        max_length=100,
        blank=True,
        help_text="使用全站搜索，只收录与检索词匹配的内容（最多前500条匹配）；留空不限",
    )
    sort = models.CharField("排序", max_length=20, choices=Sort.choices, default=Sort.NEWEST)
    page_size = models.PositiveSmallIntegerField(
        "每页条数", default=20, help_text=f"{PAGE_SIZE_MIN}到{PAGE_SIZE_MAX}之间"
    )
    show_on_home = models.BooleanField(
        "在首页显示", default=False, help_text=f"在首页显示本专题最新的{HOME_ITEMS}条内容"
    )
    staleness_days = models.PositiveSmallIntegerField(
        "更新期限（天）",
        default=180,
        help_text="最新内容早于这么多天时，网站自查报告会提示本专题更新不及时",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "pins",
            label="置顶内容",
            heading="置顶内容（按此顺序排在最前，不受下列条件限制）",
        ),
        MultiFieldPanel(
            [
                FieldPanel("content_types"),
                FieldPanel("topic_ids"),
                FieldPanel("authority_ids"),
                FieldPanel("region_ids"),
                FieldPanel("package_ids"),
                FieldPanel("validity"),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
                FieldPanel("search_query"),
            ],
            heading="收录条件（同时满足各项条件；每项内选中多个时满足其一即可）",
        ),
        MultiFieldPanel(
            [FieldPanel("sort"), FieldPanel("page_size")],
            heading="显示方式",
        ),
        MultiFieldPanel(
            [FieldPanel("show_on_home"), FieldPanel("staleness_days")],
            heading="首页与更新",
        ),
    ]
    promote_panels = Page.promote_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("criteria"),
        APIField("newest_item_date"),
        APIField("item_count"),
        APIField("items"),
        APIField("feeds"),
        APIField("show_on_home"),
        APIField("staleness_days"),
    ]
    base_form_class = CollectionPageForm
    parent_page_types = [settings.HOME_PAGE_MODEL, "specials.CollectionIndexPage"]
    subpage_types = []
    schema_org_type = "CollectionPage"
    template = "specials/collection_page.html"

    class Meta:
        verbose_name = "专题页"
        verbose_name_plural = "专题页"

    # --- validation -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = criteria_errors(self)
        if self.page_size is None or not PAGE_SIZE_MIN <= self.page_size <= PAGE_SIZE_MAX:
            errors.setdefault("page_size", []).append(
                f"每页条数应在{PAGE_SIZE_MIN}到{PAGE_SIZE_MAX}之间，当前为{self.page_size}。"
            )
        if self.staleness_days is None or not (
            STALE_DAYS_MIN <= self.staleness_days <= STALE_DAYS_MAX
        ):
            errors.setdefault("staleness_days", []).append(
                f"更新期限应在{STALE_DAYS_MIN}到{STALE_DAYS_MAX}天之间。"
            )
        if errors:
            raise ValidationError(errors)

    # --- results ----------------------------------------------------------------------------

    @cached_property
    def criteria(self):
        """What the editor asked for, as plain data (also shown in the API)."""
        from .query import criteria_of

        return criteria_of(self).as_dict()

    def collection(self, params=None, explain=False):
        from .results import run_collection

        return run_collection(self, params or {}, explain=explain)

    def first_items(self, count=HOME_ITEMS):
        from .query import first_items

        return first_items(self, count)

    @cached_property
    def newest_item_date(self):
        from .query import newest_item_date

        return newest_item_date(self)

    @cached_property
    def item_count(self):
        from .query import item_count

        return item_count(self)

    @property
    def items(self):
        """The first page of items, for the API."""
        from .query import item_json

        return [item_json(item) for item in self.first_items(self.page_size or 20)]

    @property
    def feeds(self):
        from django.urls import reverse

        return {
            "rss": reverse("specials:feed-rss", args=[self.pk]),
            "atom": reverse("specials:feed-atom", args=[self.pk]),
        }

    def is_stale(self, today=None):
        """True when the newest item is older than ``staleness_days`` (or there is none)."""
        newest = self.newest_item_date
        if newest is None:
            return True
        today = today or timezone.localdate()
        return (today - newest).days > (self.staleness_days or 0)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["collection"] = self.collection(
            request.GET, explain=getattr(request, "is_preview", False)
        )
        return context

    # --- SEO --------------------------------------------------------------------------------

    def structured_data(self, request):
        """schema.org CollectionPage properties: the number of items and the first ones."""
        items = self.first_items(10)
        data = {
            "dateModified": _iso(self.newest_item_date) or _iso(self.last_published_at),
            "mainEntity": {
                "@type": "ItemList",
                "numberOfItems": self.item_count,
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": n,
                        "name": item.page.title,
                        "url": item.page.get_full_url(request),
                    }
                    for n, item in enumerate(items, start=1)
                ],
            },
        }
        return data

    def get_sitemap_urls(self, request=None):
        from .query import newest_change

        entries = super().get_sitemap_urls(request)
        newest = newest_change(self)
        for entry in entries:
            if newest and (entry.get("lastmod") is None or newest > entry["lastmod"]):
                entry["lastmod"] = newest
        return entries


def _iso(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return None


class CollectionPin(Orderable):
    """A page the editor puts first in a collection, whatever the criteria say."""

    collection = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="pins")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="页面"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "置顶内容"
        verbose_name_plural = "置顶内容"
