"""Admin integration: the yearly 放假安排 table and the missing-year warning."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workdays.admin_views import MissingArrangementPanel, missing_years
from workdays.models import HolidayArrangement


class HolidayArrangementViewSet(SnippetViewSet):
    model = HolidayArrangement
    icon = "date"
    menu_label = "放假安排"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["year", "notice"]
    ordering = ["-year"]


register_snippet(HolidayArrangementViewSet)


@hooks.register("construct_homepage_panels")
def add_missing_arrangement_panel(request, panels):
    if not request.user.has_perm("workdays.add_holidayarrangement"):
        return
    years = missing_years()
    if years:
        panels.append(MissingArrangementPanel(years))
