"""Admin views: the printable reply letter and the dashboard panel of due and overdue items."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from wagtail.admin.auth import permission_required
from wagtail.admin.ui.components import Component

from . import clock
from .models import Enquiry

DASHBOARD_LIMIT = 15


@permission_required("enquiries.change_enquiry")
def reply_letter(request, pk):
    """政府信息公开申请答复告知书 (or the reply to a question or message), for printing."""
    enquiry = get_object_or_404(Enquiry, pk=pk)
    return render(request, "enquiries/admin/letter.html", {"enquiry": enquiry})


class DueItemsPanel(Component):
    """Overdue and due-soon items on the admin home page, most urgent first."""

    name = "enquiries_due"
    template_name = "enquiries/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        items = list(Enquiry.objects.open().order_by("due_on", "pk")[:200])
        overdue = [e for e in items if e.clock_state(today) == clock.OVERDUE]
        soon = [e for e in items if e.clock_state(today) == clock.DUE_SOON]
        paused = sum(1 for e in items if e.due_on is None)
        return {
            "overdue": overdue[:DASHBOARD_LIMIT],
            "overdue_count": len(overdue),
            "soon": soon[:DASHBOARD_LIMIT],
            "soon_count": len(soon),
            "paused": paused,
            "today": today,
        }
