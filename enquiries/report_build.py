"""Build (or rebuild) a year's annual report page from the data, as a draft for editing."""

from django.utils import timezone
from wagtail import hooks

from . import report_tables as tables
from . import rules
from .models import AnnualReportPage, Enquiry


def application_table(year):
    return tables.count_applications(Enquiry.objects.filter(kind=rules.REQUEST), year)


def proactive_table(year, previous=None):
    table = tables.empty_proactive()
    if previous:
        table.update({k: v for k, v in previous.items() if k in table})
    table["normative"] = normative_counts(year)
    return table


def normative_counts(year):
    """[制发, 废止, 现行有效] of the year's 规范性文件, summed over every app that counts its own
    through the hook ``register_normative_documents`` (a function of the year returning those
    three numbers); the policies app counts its live policy pages."""
    totals = [0, 0, 0]
    for source in hooks.get_hooks("register_normative_documents"):
        totals = [a + b for a, b in zip(totals, source(year), strict=True)]
    return totals


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
