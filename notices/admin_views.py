"""The dashboard panel: windows closing soon, objections and comments waiting."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Comment, ConsultationPage, NoticePage, Objection

CLOSING_DAYS = 3
LIMIT = 10


def editable_pages(user, model):
    """Pages of ``model`` this user may edit (per-village permissions come from the page tree)."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return model.objects.filter(pk__in=pages.values("pk"))


class WaitingPanel(Component):
    name = "notices_waiting"
    template_name = "notices/admin/dashboard_panel.html"
    order = 95

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=CLOSING_DAYS)
        notices = editable_pages(self.user, NoticePage).live()
        consultations = editable_pages(self.user, ConsultationPage).live()
        closing = [
            *notices.filter(window_start__lte=today, window_end__gte=today, window_end__lte=soon),
            *consultations.filter(window_start__lte=today, window_end__range=(today, soon)),
        ]
        objections = Objection.objects.filter(notice__in=notices).select_related("notice")
        waiting = [o for o in objections.order_by("due_on") if not o.answered]
        comments = Comment.objects.filter(consultation__in=consultations, status="pending")
        return {
            "closing": sorted(closing, key=lambda p: p.window_end)[:LIMIT],
            "objections": waiting[:LIMIT],
            "objection_count": len(waiting),
            "comment_count": comments.count(),
            "today": today,
        }
