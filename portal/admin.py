"""Admin: the 网站纠错 queue; staff read each report and close it with what they changed."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ErrorReport, ReportStatus

SUBMITTED = ["received_on", "page_url", "kind", "description", "contact_name", "contact"]


class ErrorReportForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ReportStatus.CLOSED and not cleaned.get("handling_note"):
            raise ValidationError({"handling_note": "办结时请写明处理情况（改了什么、在哪里改的）"})
        return cleaned

    def save(self, commit=True):
        user = self.for_user
        self.instance._actor = user.get_username() if user is not None else ""
        return super().save(commit=commit)


class ReportsComeFromReaders(ModelPermissionPolicy):
    """Reports arrive through the public form; staff never add one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ErrorReportViewSet(ModelViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = "网站纠错"
    menu_order = 252
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None
    search_fields = ["description", "page_url", "handling_note"]
    list_display = ["__str__", "status", "due_on", "clock_label", "closed_by"]
    list_filter = ["status", "kind"]
    ordering = ["status", "due_on"]  # 待处理 and 处理中 before 已办结, the earliest due first
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel(name, read_only=True) for name in SUBMITTED],
                heading="读者提交的内容（不可修改）",
            ),
            MultiFieldPanel([FieldPanel("status"), FieldPanel("handling_note")], heading="处理"),
        ],
        base_form_class=ErrorReportForm,
    )


class OpenReportsPanel(Component):
    """网站纠错 on the admin home page: every open report, the earliest due first."""

    name = "portal_reports"
    template_name = "portal/admin/reports_panel.html"
    order = 95
    LIMIT = 10

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        reports = list(ErrorReport.objects.open().order_by("due_on", "pk")[:200])
        return {
            "reports": [(r, r.clock_state(today)) for r in reports[: self.LIMIT]],
            "open_count": len(reports),
            "overdue_count": sum(1 for r in reports if r.due_on < today),
        }
