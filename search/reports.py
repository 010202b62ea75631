"""Admin report 检索词统计: the most searched and the unanswered queries of the last 7 or 30 days,
each with one-click "添加同义词" and "推广页面"."""

from urllib.parse import urlencode

import django_filters
from django.urls import reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.contrib.search_promotions.views import CreateView as PromotionCreateView
from wagtail.permissions import policy_registry

from .learning import query_stats

PERIODS = [("7", "最近7天"), ("30", "最近30天")]
KINDS = [("all", "全部检索词"), ("zero", "只看无结果的检索词")]


class QueryReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label="时间范围", choices=PERIODS, empty_label=None, method="keep"
    )
    kind = django_filters.ChoiceFilter(
        label="检索词", choices=KINDS, empty_label=None, method="only_zero"
    )

    class Meta:
        model = Query
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # the period is applied where the counts are computed

    def only_zero(self, queryset, name, value):
        return queryset.filter(_zero__gt=0) if value == "zero" else queryset


class QueryActionsColumn(Column):
    cell_template_name = "search/admin/query_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        text = instance.query_string
        context["synonym_url"] = (
            reverse("wagtailsnippets_search_synonym:add") + "?" + urlencode({"terms": text})
        )
        context["promote_url"] = reverse("search_promote") + "?" + urlencode({"q": text})
        return context


def can_manage_search(user):
    """Editors who may add promotions see the report (it is how they find what to promote)."""
    return policy_registry.get_by_type(SearchPromotion).user_has_any_permission(
        user, ["add", "change"]
    )


class QueryReportView(ReportView):
    page_title = "检索词统计"
    header_icon = "search"
    index_url_name = "search_query_report"
    index_results_url_name = "search_query_report_results"
    filterset_class = QueryReportFilterSet
    default_ordering = "-_hits"
    is_searchable = True
    search_fields = ["query_string"]
    columns = [
        Column("query_string", label="检索词", sort_key="query_string"),
        NumberColumn("_hits", label="检索次数", sort_key="_hits"),
        NumberColumn("_zero", label="无结果次数", sort_key="_zero"),
        QueryActionsColumn("actions", label="操作"),
    ]
    list_export = ["query_string", "_hits", "_zero"]
    export_headings = {"query_string": "检索词", "_hits": "检索次数", "_zero": "无结果次数"}

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_search(request.user):
            from wagtail.admin.auth import permission_denied

            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        data.setdefault("period", "7")
        data.setdefault("kind", "all")
        return {**super().get_filterset_kwargs(), "data": data}

    @property
    def days(self):
        filters = self.filters
        if filters is not None and filters.is_valid():
            return int(filters.form.cleaned_data.get("period") or 7)
        return 7

    def get_base_queryset(self):
        return query_stats(self.days)


class PrefilledPromotionView(PromotionCreateView):
    """Wagtail's promotion form with the query filled in from ``?q=`` (from the report)."""

    def get_initial(self):
        return {**super().get_initial(), "query_string": self.request.GET.get("q", "")[:255]}
