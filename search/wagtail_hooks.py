"""Admin: the synonym groups as a snippet, and the 检索词统计 report under 报告."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import Synonym
from .reports import PrefilledPromotionView, QueryReportView, can_manage_search


class SynonymCreateView(CreateView):
    """The add form, with the terms filled in from ``?terms=`` (the report's 添加同义词)."""

    def get_initial(self):
        initial = super().get_initial()
        terms = self.request.GET.get("terms", "")[:200]
        if terms:
            initial["terms"] = terms + "，"
        return initial


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = "检索同义词"
    menu_order = 800
    add_to_admin_menu = False
    add_view_class = SynonymCreateView
    list_display = ["__str__", "note", "enabled", "updated_at"]
    list_filter = ["enabled"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/search-queries/", QueryReportView.as_view(), name="search_query_report"),
        path(
            "reports/search-queries/results/",
            QueryReportView.as_view(results_only=True),
            name="search_query_report_results",
        ),
        path("search/promote/", PrefilledPromotionView.as_view(), name="search_promote"),
    ]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_search(request.user)


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryReportMenuItem(
        "检索词统计",
        reverse("search_query_report"),
        name="search-queries",
        icon_name="search",
        order=1310,
    )
