"""What anyone can read: the status of their own enquiry, public Q&A, the annual report."""

import hmac

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from listings.params import ParameterError, parse_page
from throttling.client_ip import client_ip

from .. import rules
from ..forms import StatusForm
from ..limits import LOOKUP, LOOKUP_NUMBER
from ..models import AnnualReportPage, Enquiry

NOT_FOUND = "未找到与该查询码和手机号码后四位相符的记录，请核对后再试。"
TOO_MANY = "查询次数过多，请 15 分钟后再试。"
PER_PAGE = 20
MAX_PAGE = 500


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    """Tracking number + last four phone digits → the status page; anything else reveals
    nothing, and the same message answers a wrong number, a wrong phone and a guess."""
    form = StatusForm(request.POST or None)
    context = {"form": form}
    if request.method != "POST":
        return render(request, "enquiries/status_lookup.html", context)
    if LOOKUP.hit(client_ip(request)):
        context["error"] = TOO_MANY
        return render(request, "enquiries/status_lookup.html", context, status=429)
    if not form.is_valid():
        return render(request, "enquiries/status_lookup.html", context, status=400)
    number = form.cleaned_data["tracking_number"]
    if LOOKUP_NUMBER.exceeded(number):
        context["error"] = TOO_MANY
        return render(request, "enquiries/status_lookup.html", context, status=429)
    enquiry = Enquiry.objects.filter(tracking_number=number).first() if number else None
    tail = enquiry.phone[-4:] if enquiry else "----"
    given = form.cleaned_data["phone_tail"]
    if enquiry is None or not hmac.compare_digest(tail.encode(), given.encode()):
        LOOKUP_NUMBER.hit(number)
        context["error"] = NOT_FOUND
        return render(request, "enquiries/status_lookup.html", context, status=404)
    context = {"enquiry": enquiry, "events": enquiry.events.all()}
    return render(request, "enquiries/status.html", context)


def _page_number(raw):
    """The page asked for (the site's one page rule), and whether it was refused."""
    try:
        return parse_page(raw, maximum=MAX_PAGE), False
    except ParameterError:
        return 1, True


def qa_list(request):
    """Answered public questions and messages, newest first; searchable, filterable."""
    items = Enquiry.objects.public().select_related("village", "department", "disclosure")
    query = " ".join(request.GET.get("q", "").split())[:50]
    kind = request.GET.get("kind", "")
    if kind in (rules.QUESTION, rules.MESSAGE):
        items = items.filter(kind=kind)
    for word in query.split()[:5]:
        items = items.filter(
            Q(public_title__icontains=word)
            | Q(public_body__icontains=word)
            | Q(public_reply__icontains=word)
        )
    number, bad_page = _page_number(request.GET.get("page", ""))
    items = items.order_by("-replied_on", "-pk")
    total = items.count()
    pages = max(1, -(-total // PER_PAGE))
    number = min(number, pages)
    context = {
        "items": items[(number - 1) * PER_PAGE : number * PER_PAGE],
        "query": query,
        "kind": kind,
        "total": total,
        "page_number": number,
        "pages": pages,
        "bad_page": bad_page,
        "counts": request_counts(),
    }
    return render(request, "enquiries/qa_list.html", context)


def request_counts():
    """Requests are never public: only how many were received and answered."""
    requests = Enquiry.objects.filter(kind=rules.REQUEST)
    return {"received": requests.count(), "answered": requests.filter(status="answered").count()}


def qa_detail(request, pk):
    item = get_object_or_404(
        Enquiry.objects.public().select_related("village", "department", "disclosure"), pk=pk
    )
    return render(request, "enquiries/qa_detail.html", {"item": item})


def report_list(request):
    """政府信息公开工作年度报告（年报）: every published report, newest year first."""
    reports = AnnualReportPage.objects.live().public().order_by("-year")
    return render(request, "enquiries/report_list.html", {"reports": reports})


def report_xlsx(request, pk):
    """The published annual report as a spreadsheet in the prescribed layout."""
    from ..report_xlsx import workbook_bytes

    page = AnnualReportPage.objects.live().public().filter(pk=pk).first()
    if page is None:
        raise Http404("没有这份年度报告")
    response = HttpResponse(
        workbook_bytes(page),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"annual-report-{page.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
