"""Admin: the catalogue's dashboard panel, and drafting the website's annual report."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from .status import catalogue_statuses
from .webreport import draft_report

PANEL_ITEMS = 8


class CataloguePanel(Component):
    name = "govinfo_catalogue"
    order = 70
    template_name = "govinfo/admin/catalogue_panel.html"

    def get_context_data(self, parent_context):
        statuses = catalogue_statuses(timezone.localdate())
        finder = AdminURLFinder()
        overdue = [s for s in statuses if s.overdue]
        missing = [s for s in statuses if s.missing]
        rows = [(s, finder.get_edit_url(s.item)) for s in overdue + missing]
        return {
            "total": len(statuses),
            "overdue": len(overdue),
            "missing": len(missing),
            "rows": rows[:PANEL_ITEMS],
        }


@require_http_methods(["GET", "POST"])
@permission_required("govinfo.add_websitereport", raise_exception=True)
def draft_website_report(request):
    year = timezone.localdate().year - 1
    if request.method == "GET":
        return render(request, "govinfo/admin/draft_report.html", {"year": year})
    raw = request.POST.get("year", "")
    if raw:
        if not (raw.isascii() and raw.isdigit() and 2000 <= int(raw) <= 2999):
            messages.error(request, "年度应为 2000–2999 之间的四位数字")
            return render(request, "govinfo/admin/draft_report.html", {"year": raw}, status=400)
        year = int(raw)
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    report, changed = draft_report(year, site)
    if changed:
        messages.success(
            request, f"已按网站数据生成{year}年度报表草稿，请核对、补充“待填写”项后发布。"
        )
    else:
        messages.warning(request, f"{year}年度报表已发布，未覆盖。如需修改请直接编辑。")
    return redirect("wagtailsnippets_govinfo_websitereport:edit", report.pk)
