"""Admin report 附件文字提取: every document's extraction status and, for failures, why."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .models import AttachmentText, Status


class ExtractionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="状态", choices=Status.choices, empty_label="全部")

    class Meta:
        model = AttachmentText
        fields = ["status"]


def can_see(user):
    return policy_registry.get_by_type(get_document_model()).user_has_any_permission(
        user, ["change"]
    )


class ExtractionReportView(ReportView):
    page_title = "附件文字提取"
    header_icon = "doc-full"
    index_url_name = "attachments_report"
    index_results_url_name = "attachments_report_results"
    filterset_class = ExtractionFilterSet
    default_ordering = "document__title"
    is_searchable = True
    search_fields = ["document__title"]
    columns = [
        Column("document", label="文件", sort_key="document__title"),
        Column("get_status_display", label="状态", sort_key="status"),
        Column("message", label="说明"),
        DateColumn("extracted_at", label="提取时间", sort_key="extracted_at"),
    ]
    list_export = ["document", "get_status_display", "message", "extracted_at"]
    export_headings = {
        "document": "文件",
        "get_status_display": "状态",
        "message": "说明",
        "extracted_at": "提取时间",
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_see(request.user):
            from wagtail.admin.auth import permission_denied

            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return AttachmentText.objects.select_related("document")
