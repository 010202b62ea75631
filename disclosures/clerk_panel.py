"""The clerk's and committee's dashboard panel: their villages' due, overdue and waiting items."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from workdays.calendar import load_calendar


def villages_of(user):
    """The villages whose clerk or committee group the user belongs to."""
    from django.db.models import Q

    from .models import VillageAccountability

    groups = user.groups.all()
    records = VillageAccountability.objects.filter(Q(clerks__in=groups) | Q(committee__in=groups))
    return [r.village for r in records.select_related("village").order_by("village__path")]


def waiting_pages(village):
    """Disclosures of the village now in the committee's review, and those sent back."""
    from .models import DisclosurePage

    pages = {str(p.pk): p for p in DisclosurePage.objects.child_of(village)}
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=list(pages)
    ).active()
    waiting, returned = [], []
    for state in states.order_by("created_at"):
        page = pages[state.object_id]
        if state.status == WorkflowState.STATUS_IN_PROGRESS:
            waiting.append(page)
        else:
            returned.append(page)
    return waiting, returned


def village_duties(village, today, calendar):
    statuses = village.category_status(today=today, calendar=calendar)
    waiting, returned = waiting_pages(village)
    return {
        "village": village,
        "due": [s for s in statuses if s.due and not s.overdue.overdue],
        "overdue": [s for s in statuses if s.overdue.overdue],
        "waiting": waiting,
        "returned": returned,
    }


class VillageDutiesPanel(Component):
    """本月应公开、已逾期、待监督委员会审核, for each of the user's villages."""

    name = "disclosures_village_duties"
    template_name = "disclosures/admin/village_duties_panel.html"
    order = 80

    def __init__(self, villages):
        self.villages = villages

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        calendar = load_calendar()
        return {
            "rows": [village_duties(v, today, calendar) for v in self.villages],
            "today": today,
        }
