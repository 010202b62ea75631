"""The public pages: 公开指南, 公开目录, 机构职能, 负责人, 办事指南, 网站工作年度报表."""

from itertools import groupby

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from wagtail.models import Site

from .areas import AREAS
from .guide import guide_context
from .models import Body, CatalogueItem, GuideText, Leader, ServiceItem, WebsiteReport
from .models.bodies import Group, Kind
from .models.services import LIFE_EVENTS
from .status import catalogue_statuses

COLUMN = {"type": "信息公开", "description": "", "keywords": "政务公开"}
QUERY_MAX = 50


def _column(name, kind="信息公开"):
    return {**COLUMN, "name": name, "type": kind}


def _digits(value):
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def guide(request):
    site = Site.find_for_request(request)
    text = GuideText.for_site(site) if site else GuideText()
    context = {**guide_context(), "text": text, "gov_column": _column("政府信息公开指南")}
    return render(request, "govinfo/guide.html", context)


def catalogue(request):
    items = CatalogueItem.objects.select_related("body", "column")
    area = request.GET.get("area", "")
    body_id = _digits(request.GET.get("body", ""))
    if area in AREAS:
        items = items.filter(area=area)
    else:
        area = ""
    body = Body.objects.filter(pk=body_id).first() if body_id else None
    if body is not None:
        items = items.filter(body=body)
    statuses = catalogue_statuses(timezone.localdate(), items)
    groups = [
        (name, list(rows)) for name, rows in groupby(statuses, key=lambda s: s.item.body.name)
    ]
    context = {
        "groups": groups,
        "areas": [a for a in AREAS if CatalogueItem.objects.filter(area=a).exists()],
        "bodies": Body.objects.filter(catalogue_items__isnull=False).distinct(),
        "area": area,
        "body": body,
        "gov_column": _column("政府信息公开目录"),
    }
    return render(request, "govinfo/catalogue.html", context)


def _bodies():
    return Body.objects.select_related("parent").order_by("sort_order", "name")


def bodies(request):
    context = {"bodies": _bodies(), "gov_column": _column("机构职能")}
    return render(request, "govinfo/bodies.html", context)


def leaders(request):
    roster = Prefetch("leaders", queryset=Leader.objects.select_related("photo"))
    found = _bodies().prefetch_related(roster).filter(leaders__isnull=False).distinct()
    governments = [b for b in found if b.kind != Kind.VILLAGE]
    villages = []
    for body in found:
        if body.kind == Kind.VILLAGE:
            groups = [
                (label, [m for m in body.leaders.all() if m.group == value])
                for value, label in Group.choices
            ]
            villages.append((body, [(label, m) for label, m in groups if m]))
    context = {
        "governments": governments,
        "villages": villages,
        "gov_column": _column("负责人信息"),
    }
    return render(request, "govinfo/leaders.html", context)


def services(request):
    found = ServiceItem.objects.select_related("body").prefetch_related("agency_villages")
    query = " ".join(request.GET.get("q", "").split())[:QUERY_MAX]
    event = request.GET.get("event", "")
    if query:
        found = found.filter(
            Q(name__icontains=query) | Q(conditions__icontains=query) | Q(basis__icontains=query)
        )
    items = list(found)
    if event in LIFE_EVENTS:
        items = [s for s in items if event in (s.life_events or [])]
    else:
        event = ""
    context = {
        "services": items,
        "query": query,
        "event": event,
        "events": LIFE_EVENTS,
        "gov_column": _column("办事指南", "办事服务"),
    }
    return render(request, "govinfo/services.html", context)


def service(request, pk):
    item = get_object_or_404(
        ServiceItem.objects.select_related("body").prefetch_related(
            "forms__document", "agency_villages"
        ),
        pk=pk,
    )
    context = {"service": item, "gov_column": _column("办事指南", "办事服务")}
    return render(request, "govinfo/service.html", context)


def website_reports(request):
    reports = WebsiteReport.objects.filter(published=True)
    context = {"reports": reports, "gov_column": _column("政府网站工作年度报表")}
    return render(request, "govinfo/website_reports.html", context)


def website_report(request, year=None):
    reports = WebsiteReport.objects.filter(published=True)
    if year is not None and not 2000 <= year <= 2999:
        raise Http404("没有该年度的网站工作年度报表")
    report = reports.filter(year=year).first() if year else reports.first()
    if report is None:
        if year:
            raise Http404("没有该年度的网站工作年度报表")
        return website_reports(request)
    context = {"report": report, "gov_column": _column("政府网站工作年度报表")}
    return render(request, "govinfo/website_report.html", context)
