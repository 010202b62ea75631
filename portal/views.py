"""The public pages outside the page tree: the hub, the site map, open data, 纠错."""

import logging

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from editorial.services import grouped, service_entries
from throttling.client_ip import client_ip

from . import clock, opendata, sitemap
from .forms import CorrectionForm
from .limits import REPORT, REPORT_DAY
from .models import ErrorReport

logger = logging.getLogger("portal")
SESSION_KEY = "portal_correction"
LIMITED = "提交过于频繁，请稍后再试。您填写的内容仍保留在下方。"
HUB_GROUPS = ("政府信息公开", "互动交流")


def hub(request):
    """政府信息公开 · 互动交流: every way to ask, follow and read, on one page."""
    groups = [(g, items) for g, items in grouped(service_entries()) if g in HUB_GROUPS]
    return render(request, "portal/hub.html", {"groups": groups})


def site_map(request):
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    context = {
        "home": root,
        "sections": sitemap.tree(root) if root else [],
        "standalone": sitemap.standalone_groups(),
    }
    return render(request, "portal/sitemap.html", context)


def open_data(request):
    return render(request, "portal/open_data.html", opendata.context(request))


def _limited(request):
    address = client_ip(request)
    return REPORT.exceeded(address) or REPORT_DAY.exceeded(address)


def _count(request):
    address = client_ip(request)
    REPORT.hit(address)
    REPORT_DAY.hit(address)


def _initial_page(request):
    page = str(request.GET.get("page", ""))[:500]
    return page if page.startswith("/") else ""


@never_cache
@require_http_methods(["GET", "POST"])
def correction(request):
    form = CorrectionForm(request.POST or None, initial={"page_url": _initial_page(request)})
    context = {"form": form, "limit": clock.describe()}
    if request.method != "POST":
        return render(request, "portal/correction.html", context)
    if _limited(request):
        form.is_valid()
        context["limited"] = LIMITED
        return render(request, "portal/correction.html", context, status=429)
    if not form.is_valid():
        if "website" in form.errors:
            _count(request)
        return render(request, "portal/correction.html", context, status=400)
    _count(request)
    data = form.cleaned_data
    report = ErrorReport.objects.create(
        page_url=data["page_url"],
        kind=data["kind"],
        description=data["description"],
        contact_name=data.get("contact_name", ""),
        contact=data.get("contact", ""),
    )
    logger.info("收到网站纠错 %s", report.reference)
    request.session[SESSION_KEY] = report.pk
    return redirect("portal:correction_received")


@never_cache
def correction_received(request):
    pk = request.session.get(SESSION_KEY)
    report = ErrorReport.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if report is None:
        return redirect("portal:correction")
    return render(request, "portal/correction_received.html", {"report": report})
