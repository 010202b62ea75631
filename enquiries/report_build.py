"""Build (or rebuild) a year's annual report page from the data, as a draft for editing."""

from django.utils import timezone
from wagtail import hooks

from . import report_tables as tables
from . import rules
from .models import AnnualReportPage, Enquiry, Status

DONE = (Status.ANSWERED, Status.CLOSED)


class ReportDataError(Exception):
    """The data cannot be counted as it stands; ``problems`` name each item in Chinese."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("；".join(problems))


def data_problems(year):
    """Requests whose dates or outcome contradict each other, as Chinese sentences."""
    problems = []
    requests = Enquiry.objects.filter(kind=rules.REQUEST, received_on__year__lte=year)
    for r in requests.order_by("received_on", "pk"):
        name = f"申请 {r.display_tracking_number}“{r.title}”"
        if r.replied_on and r.replied_on < r.received_on:
            problems.append(
                f"{name}的答复日期 {r.replied_on:%Y-%m-%d} 早于收到日期 {r.received_on:%Y-%m-%d}"
            )
        elif r.status in DONE and not r.replied_on:
            problems.append(f"{name}已办结，但没有答复日期")
        elif r.replied_on and r.status in DONE and not r.outcome:
            problems.append(f"{name}已办结，但没有答复类型")
    return problems


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
    (a live report keeps showing its published version until staff publish again).

    Raises ``ReportDataError`` naming each inconsistent request; nothing is saved then."""
    problems = data_problems(year)
    if problems:
        raise ReportDataError(problems)
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
