"""Build (or rebuild) a year's annual report page from the data, as a draft for editing."""

from django.utils import timezone

from . import report_tables as tables
from . import rules
from .models import AnnualReportPage, Enquiry


def application_table(year):
    return tables.count_applications(Enquiry.objects.filter(kind=rules.REQUEST), year)


def proactive_table(year, previous=None):
    table = tables.empty_proactive()
    if previous:
        table.update({k: v for k, v in previous.items() if k in table})
    from policies.models import PolicyPage

    policies = PolicyPage.objects.live()
    table["normative"] = tables.count_normative(policies, year)
    return table


def build_report(year, organ, parent, demo_label=""):
    """The year's report page under `parent`, its tables refreshed and saved as a draft
    (a live report keeps showing its published version until staff publish again)."""
    page = AnnualReportPage.objects.filter(year=year).first()
    created = page is None
    if created:
        page = AnnualReportPage(
            title=f"{organ}{year}年政府信息公开工作年度报告",
            slug=f"gov-info-annual-report-{year}",
            year=year,
            organ=organ,
            live=False,
            demo_label=demo_label,
        )
    page.applications = application_table(year)
    page.proactive = proactive_table(year, page.proactive)
    page.generated_at = timezone.now()
    if created:
        parent.add_child(instance=page)
    page.save_revision()
    if not page.live:
        page.save()
    return page, created
