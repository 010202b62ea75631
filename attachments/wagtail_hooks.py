"""网站自查: attachments whose text could not be read, with the page that links them; the
admin report 附件文字提取 under 报告."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import linked
from .models import AttachmentText, Status
from .reports import ExtractionReportView, can_see


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/attachments/", ExtractionReportView.as_view(), name="attachments_report"),
        path(
            "reports/attachments/results/",
            ExtractionReportView.as_view(results_only=True),
            name="attachments_report_results",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        "附件文字提取",
        reverse("attachments_report"),
        name="attachments",
        icon_name="doc-full",
        order=1320,
    )


def _finding(row, page=None):
    title = row.document.title
    return {
        "severity": "warning",
        "kind": "附件无法读取",
        "message": f"附件《{title}》无法提取文字，检索不到其中的内容：{row.message}",
        "page": page,
        "url": "" if page is not None else row.document.url,
    }


@hooks.register("gongkai_inspection_findings")
def unreadable_attachments(site, today):
    rows = AttachmentText.objects.filter(status=Status.FAILED).select_related("document")
    for row in rows.order_by("document__title"):
        pages = linked.pages_linking(row.document).descendant_of(site.root_page, inclusive=True)
        pages = list(pages.specific())
        if not pages:
            yield _finding(row)
        for page in pages:
            yield _finding(row, page)
