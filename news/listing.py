"""Filtering and pagination of article listings by theme, region and year, without JavaScript."""

import re

from django.core.paginator import Paginator

from listings.params import clean_text, parse_listing
from taxonomy.models import Region, Topic

PER_PAGE = 10
PROVINCE = re.compile(r"^.+?(省|自治区|自治區|市)")


def province_of(name):
    """The province-level part of a full region name: 四川省成都市青羊区 → 四川省."""
    match = PROVINCE.match(name or "")
    return match.group(0) if match else ""


class Listing:
    """The filtered, paginated items of a listing page and the choices of its filter form."""

    def __init__(self, queryset, params, with_themes=False, per_page=PER_PAGE):
        self.base = queryset
        self.params = params
        self.with_themes = with_themes
        self.problems = []
        self.theme = self._theme(clean_text(params.get("theme"))) if with_themes else None
        self.region = clean_text(params.get("region"))
        query = parse_listing(params)  # year and page; a bad one is ignored with a note
        self.problems += query.notes
        self.year = query.year
        self.page_obj = Paginator(self.filtered(), per_page).get_page(query.page)

    def _theme(self, slug):
        if not slug:
            return None
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            self.problems.append(f"没有名为“{slug}”的主题，已显示全部主题。")
        return topic

    def filtered(self):
        items = self.base
        if self.theme is not None:
            items = items.filter(themes=self.theme)
        if self.region:
            items = items.filter(region__name__startswith=self.region)
        if self.year:
            items = items.filter(date__year=self.year)
        return items.order_by("-date", "-pk").distinct()

    @property
    def active(self):
        return bool(self.theme or self.region or self.year)

    @property
    def themes(self):
        if not self.with_themes:
            return Topic.objects.none()
        return Topic.objects.filter(case_studies__in=self.base).distinct().order_by("name")

    @property
    def region_names(self):
        """Each province with items, followed by the full names of the places under it."""
        names = Region.objects.filter(pk__in=self.base.values("region")).values_list(
            "name", flat=True
        )
        choices = set(names) | {province_of(name) for name in names if province_of(name)}
        return sorted(choices, key=lambda name: (province_of(name) or name, name))

    @property
    def years(self):
        return [d.year for d in self.base.dates("date", "year", order="DESC")]

    def page_query(self, number):
        """The query string of another page of the same filtered listing."""
        query = self.params.copy()
        query["page"] = number
        return query.urlencode()
