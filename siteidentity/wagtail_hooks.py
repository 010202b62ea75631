"""Admin: the 网站自查 report (Reports menu) and its dashboard panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from .inspection import SERIOUS, run_inspection
from .scope import findings_for, sees_everything
from .views import InspectionReportView

PANEL_ITEMS = 10


class InspectionPanel(Component):
    name = "siteidentity_inspection"
    order = 80
    template_name = "siteidentity/admin/inspection_panel.html"

    def __init__(self, site, user):
        self.site = site
        self.user = user

    def get_context_data(self, parent_context):
        findings = findings_for(self.user, run_inspection(self.site)) if self.site else []
        return {
            "whole_site": sees_everything(self.user),
            "findings": findings[:PANEL_ITEMS],
            "total": len(findings),
            "serious": sum(f.severity == SERIOUS for f in findings),
        }


@hooks.register("register_admin_urls")
def register_inspection_urls():
    view = InspectionReportView.as_view()
    results = InspectionReportView.as_view(results_only=True)
    return [
        path("reports/inspection/", view, name="siteidentity_inspection"),
        path("reports/inspection/results/", results, name="siteidentity_inspection_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_inspection_menu_item():
    return MenuItem("网站自查", reverse("siteidentity_inspection"), icon_name="warning", order=50)


@hooks.register("construct_homepage_panels")
def add_inspection_panel(request, panels):
    panels.append(InspectionPanel(Site.find_for_request(request), request.user))
