"""The way in: service entries, the home page's section, and the 网站纠错 queue."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from editorial.services import HOOK as SERVICE_ENTRIES

from . import entries
from .admin import ErrorReportViewSet, OpenReportsPanel, ReportsComeFromReaders
from .models import ErrorReport

register_permission_policy(ErrorReport, ReportsComeFromReaders(ErrorReport), exact_class=True)


@hooks.register(SERVICE_ENTRIES)
def portal_entries():
    return entries.entries()


@hooks.register("register_home_sections")
def home_service_entries(home):
    """The entries marked for the home page, with the hub's address."""
    from django.urls import reverse

    shown = [e for e in entries.entries() if e.on_home and e.url]
    return {"service_entries": shown, "service_hub_url": reverse("portal:hub")}


@hooks.register("register_admin_viewset")
def register_error_reports():
    return ErrorReportViewSet("portal_errorreport")


@hooks.register("construct_homepage_panels")
def add_reports_panel(request, panels):
    if request.user.has_perm("portal.change_errorreport"):
        panels.append(OpenReportsPanel())
