"""RSS 2.0 and Atom feeds for what alerts can follow: every village's disclosures, one village,
one issuing authority, one saved search (topics have theirs in news.feeds). Only live, public
pages; every link absolute from the configured Wagtail Site."""

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from listings.feeds import FEED_LENGTH, atom, published_at

from .collect import search_pages
from .mail import site_name, site_root
from .targets import QUERY_MAX


@dataclass
class Scope:
    """What a feed is about, with the site root and its own absolute address."""

    obj: object
    root: str
    self_url: str
    site_name: str = ""


class SiteFeed(Feed):
    feed_type = Rss201rev2Feed
    section = ""

    def find(self, request, **kwargs):
        return None

    def get_object(self, request, **kwargs):
        root = site_root(request)
        obj = self.find(request, **kwargs)
        return Scope(obj, root, root + request.get_full_path(), site_name(request))

    def feed_url(self, scope):
        return scope.self_url

    def title(self, scope):
        return f"{scope.site_name} · {self.heading(scope.obj)}"

    def heading(self, obj):
        return self.section

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_description(self, item):
        return getattr(item, "summary", "") or item.search_description


class DisclosureFeed(SiteFeed):
    """Every village's live disclosures, the most recently published or corrected first."""

    section = "四务公开"

    def link(self, scope):
        from disclosures.models import DisclosureIndexPage

        index = DisclosureIndexPage.objects.live().public().first()
        return index.get_full_url() if index else scope.root + "/"

    def description(self, scope):
        return "各村（社区）党务、村务、财务、服务公开，含更正和撤回"

    def disclosures(self, scope):
        from disclosures.models import DisclosurePage

        return DisclosurePage.objects.live().public()

    def items(self, scope):
        newest = F("last_published_at").desc(nulls_last=True)
        return self.disclosures(scope).order_by(newest, "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.village_name} · {item.title}"

    def item_description(self, item):
        lines = [f"{item.category_label}公开 · {item.period_label}"]
        if item.withdrawn:
            lines.append(f"已撤回：{item.withdrawal_reason}")
        elif item.change_reason:
            lines.append(f"更正说明：{item.change_reason}")
        if item.summary:
            lines.append(item.summary)
        return "\n".join(lines)

    def item_categories(self, item):
        return [item.category_label, item.village_name]

    def item_author_name(self, item):
        return item.village_name or None


class VillageFeed(DisclosureFeed):
    """One village's (or community's) disclosures."""

    def find(self, request, pk):
        from disclosures.models import VillagePage

        return get_object_or_404(VillagePage.objects.live().public(), pk=pk)

    def heading(self, village):
        return f"{village.title}四务公开"

    def link(self, scope):
        return scope.obj.get_full_url()

    def description(self, scope):
        return f"{scope.obj.title}的党务、村务、财务、服务公开，含更正和撤回"

    def disclosures(self, scope):
        return super().disclosures(scope).child_of(scope.obj)

    def item_title(self, item):
        return item.title


class AuthorityFeed(SiteFeed):
    """Policy documents of one issuing authority, newest first."""

    def find(self, request, pk):
        from taxonomy.models import IssuingAuthority

        return get_object_or_404(IssuingAuthority, pk=pk)

    def heading(self, authority):
        return f"发文机关：{authority.name}"

    def link(self, scope):
        from policies.models import PolicyIndexPage

        index = PolicyIndexPage.objects.live().public().first()
        if index is None:
            return scope.root + "/"
        return index.get_full_url() + "?" + urlencode({"authority": scope.obj.name})

    def description(self, scope):
        return f"{scope.obj.name}发布的政策文件"

    def items(self, scope):
        from policies.models import PolicyPage

        found = PolicyPage.objects.live().public().filter(issuing_authorities=scope.obj)
        return found.distinct().order_by(
            F("published_date").desc(nulls_last=True),
            F("first_published_at").desc(nulls_last=True),
            "-pk",
        )[:FEED_LENGTH]

    def item_pubdate(self, item):
        return published_at(item, item.published_date)

    def item_author_name(self, item):
        return "、".join(a.name for a in item.issuing_authorities.all()) or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class SearchUnavailable(Exception):
    pass


class SearchFeed(SiteFeed):
    """The newest results of a saved search (``?q=``), through the site's search."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchUnavailable:
            return HttpResponse(
                "检索服务暂时不可用，请稍后再试。", status=503, content_type="text/plain"
            )

    def find(self, request):
        typed = str(request.GET.get("q", "") or "")
        # Control and unassigned characters (%00, …) cannot be written into XML: dropped.
        typed = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in typed)
        query = " ".join(typed.split())
        if not query or len(query) > QUERY_MAX:
            raise Http404("请提供检索词 q（最多 200 个字）。")
        return query

    def heading(self, query):
        return f"检索：{query}"

    def link(self, scope):
        return scope.root + reverse("search:page") + "?" + urlencode({"q": scope.obj})

    def description(self, scope):
        return f"检索“{scope.obj}”的最新结果"

    def items(self, scope):
        try:
            return search_pages(scope.obj, per_page=FEED_LENGTH)
        except RuntimeError as exc:
            raise SearchUnavailable from exc

    def item_description(self, item):
        text = getattr(item, "summary", "") or getattr(item, "teaser", "")
        return text or item.search_description


DisclosureAtomFeed = atom(DisclosureFeed)
VillageAtomFeed = atom(VillageFeed)
AuthorityAtomFeed = atom(AuthorityFeed)
SearchAtomFeed = atom(SearchFeed)
