"""The 网站自查 report: the inspection findings as a Wagtail report with xlsx/CSV export."""

import datetime

from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from .inspection import run_inspection
from .scope import findings_for


class EditLinkColumn(Column):
    cell_template_name = "siteidentity/admin/page_cell.html"


class InspectionReportView(ReportView):
    page_title = "网站自查"
    header_icon = "warning"
    index_url_name = "siteidentity_inspection"
    index_results_url_name = "siteidentity_inspection_results"
    paginate_by = 100
    columns = [
        Column("severity_label", label="程度"),
        Column("kind", label="问题类型"),
        EditLinkColumn("title", label="页面"),
        Column("message", label="说明"),
    ]
    list_export = ["severity_label", "kind", "title", "message", "location"]
    export_headings = {
        "severity_label": "程度",
        "kind": "问题类型",
        "title": "页面",
        "message": "说明",
        "location": "网址",
    }

    @cached_property
    def site(self):
        return Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)

    def get_queryset(self):
        return findings_for(self.request.user, run_inspection(self.site))

    def get_filename(self):
        return f"网站自查-{datetime.date.today():%Y-%m-%d}"
