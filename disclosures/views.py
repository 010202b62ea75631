"""Public views outside the page tree: open data, QR codes, printable sheets, CSV template."""

import csv
import io
import json

import qrcode
import qrcode.image.svg
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from siteidentity.addresses import absolute_url

from .anchoring import entry_for, record_head
from .finance import DIRECTION_LABELS
from .finance_csv import COLUMNS, template_csv
from .models import DisclosurePage, VillagePage
from .schedule import CATEGORY_LABELS, FINANCE
from .spreadsheet import safe_rows
from .verify_views import verify_url
from .xlsx_export import XLSX, disclosure_workbook, template_workbook, village_year_workbook

BOM = "\ufeff"
FORMATS = ("csv", "json", "xlsx")


def _live(model, pk):
    page = get_object_or_404(model.objects.live().public(), pk=pk)
    return page.specific


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _csv_text(rows):
    out = io.StringIO()
    out.write(BOM)
    csv.writer(out, lineterminator="\r\n").writerows(safe_rows(rows))
    return out.getvalue()


def _comment_rows(page, request):
    rows = []
    if page.demo_label:
        rows.append([f"# {page.demo_label}：演示用示例数据，不是真实收支"])
    rows.append([f"# {page.get_parent().title} {page.title}（{page.period_label}）"])
    rows.append([f"# 来源：{page.get_full_url(request)}"])
    latest = page.versions.order_by("-number").first()
    if latest:
        rows.append([f"# 第 {latest.number} 版，SHA-256：{latest.hash}"])
    if page.withdrawn:
        rows.append([f"# 已撤回，原因：{page.withdrawal_reason}"])
    return rows


def finance_rows(page, iso_dates=True):
    """The table in the import template's layout, so an export can be imported again."""
    rows = [["期初余额", "", "", page.opening_balance, "", ""]]
    for line in page.finance_lines.all():
        direction = DIRECTION_LABELS[line.direction]
        rows.append(
            [
                direction,
                line.date.isoformat() if iso_dates else line.date,
                line.item,
                line.amount,
                line.voucher,
                line.counterparty,
            ]
        )
    rows += [
        ["收入合计", "", "", page.total_income, "", ""],
        ["支出合计", "", "", page.total_expenditure, "", ""],
        ["期末余额", "", "", page.closing_balance, "", ""],
    ]
    return rows


def disclosure_data(page, request):
    latest = page.versions.order_by("-number").first()
    return {
        "id": page.pk,
        "url": page.get_full_url(request),
        "village": page.get_parent().title,
        "title": page.title,
        "category": page.category,
        "category_label": page.category_label,
        "period_label": page.period_label,
        "period_start": page.period_start.isoformat() if page.period_start else None,
        "period_end": page.period_end.isoformat() if page.period_end else None,
        "demo_label": page.demo_label,
        "withdrawn": page.withdrawn,
        "withdrawal_reason": page.withdrawal_reason,
        "sign_off": page.sign_off,
        "finance": page.finance_table,
        "version": latest.number if latest else None,
        "hash": latest.hash if latest else None,
    }


def _finance_page(pk):
    page = _live(DisclosurePage, pk)
    if page.category != FINANCE or page.opening_balance is None:
        raise Http404("不是财务公开")
    return page


def _first_cells(rows):
    return [row[0].removeprefix("# ") for row in rows]


def disclosure_xlsx(request, page):
    """Any disclosure as a workbook; finance ones carry the table in the import layout."""
    finance = page.category == FINANCE and page.opening_balance is not None
    comments = _first_cells(_comment_rows(page, request))
    content = disclosure_workbook(page, comments, finance_rows(page, False) if finance else None)
    name = f"{page.get_parent().title}-{page.period_label}-{page.category_label}公开.xlsx"
    return _download(content, name, XLSX)


@require_GET
def finance_export(request, pk, fmt):
    if fmt not in FORMATS:
        raise Http404("格式只能是 csv、json 或 xlsx")
    if fmt == "xlsx":
        return disclosure_xlsx(request, _live(DisclosurePage, pk))
    page = _finance_page(pk)
    name = f"{page.get_parent().title}-{page.period_label}-财务公开"
    if fmt == "csv":
        rows = _comment_rows(page, request) + [COLUMNS] + finance_rows(page)
        return _download(_csv_text(rows), f"{name}.csv", "text/csv; charset=utf-8")
    text = json.dumps(disclosure_data(page, request), ensure_ascii=False, indent=2)
    return _download(text, f"{name}.json", "application/json; charset=utf-8")


@require_GET
def village_year(request, pk, year, fmt):
    if fmt not in FORMATS:
        raise Http404("格式只能是 csv、json 或 xlsx")
    village = _live(VillagePage, pk)
    pages = [
        p
        for p in village.disclosures()
        .filter(period_year=year, category=FINANCE)
        .order_by("period_start", "pk")
        if p.opening_balance is not None
    ]
    name = f"{village.title}-{year}年-财务公开"
    if fmt in ("csv", "xlsx"):
        comments = []
        if village.demo_label:
            comments.append(f"# {village.demo_label}：演示用示例数据，不是真实收支")
        comments.append(
            f"# {village.title} {year}年财务公开汇总，来源：{village.get_full_url(request)}"
        )
        body = []
        for page in pages:
            note = "（已撤回）" if page.withdrawn else ""
            body += [
                [page.period_label, page.title + note, *row]
                for row in finance_rows(page, fmt == "csv")
            ]
        if fmt == "xlsx":
            content = village_year_workbook([c.removeprefix("# ") for c in comments], body)
            return _download(content, f"{name}.xlsx", XLSX)
        rows = [[c] for c in comments] + [["公开期间", "公开标题", *COLUMNS]] + body
        return _download(_csv_text(rows), f"{name}.csv", "text/csv; charset=utf-8")
    data = {
        "village": village.title,
        "year": year,
        "url": village.get_full_url(request),
        "demo_label": village.demo_label,
        "disclosures": [disclosure_data(p, request) for p in pages],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _download(text, f"{name}.json", "application/json; charset=utf-8")


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return image.to_string(encoding="unicode")


def short_url(request, name, pk):
    """A short absolute link for printing and QR codes, on the site's public address."""
    return absolute_url(reverse(f"disclosures:{name}", args=[pk]))


@require_GET
def village_short(request, pk):
    return redirect(_live(VillagePage, pk).url)


@require_GET
def disclosure_short(request, pk):
    return redirect(_live(DisclosurePage, pk).url)


@require_GET
def village_qr(request, pk):
    village = _live(VillagePage, pk)
    svg = _qr_svg(short_url(request, "village_short", village.pk))
    return HttpResponse(svg, content_type="image/svg+xml")


@require_GET
def page_qr(request, pk):
    page = _live(DisclosurePage, pk)
    svg = _qr_svg(short_url(request, "disclosure_short", page.pk))
    return HttpResponse(svg, content_type="image/svg+xml")


def _chain_head_context(request, village, entry=None):
    """The village's latest chain-head entry (the log is brought up to date first)."""
    return {
        "chain_head": entry or record_head(village),
        "heads_url": request.build_absolute_uri(reverse("disclosures:chain_heads")),
        "verify_page": request.build_absolute_uri(reverse("disclosures:verify")),
    }


def _sheet_anchor(page):
    """(latest version, the log entry that lists it) of a disclosure, for its printed sheet."""
    latest = page.versions.order_by("-number").first()
    return latest, (entry_for(page, latest.number) if latest else None)


@require_GET
def verify_qr(request, pk):
    """The sheet's QR code: it opens the 核验 page with the sheet's version and head filled in."""
    page = _live(DisclosurePage, pk)
    latest, entry = _sheet_anchor(page)
    if latest is None:
        return HttpResponse(
            _qr_svg(short_url(request, "disclosure_short", page.pk)), content_type="image/svg+xml"
        )
    svg = _qr_svg(verify_url(latest.hash, entry.head if entry else ""))
    return HttpResponse(svg, content_type="image/svg+xml")


@require_GET
def poster(request, pk):
    village = _live(VillagePage, pk)
    context = {"page": village, "full_url": short_url(request, "village_short", village.pk)}
    context.update(_chain_head_context(request, village))
    return render(request, "disclosures/village_poster.html", context)


def _signers(page):
    """One signature line per committee member named in the sign-off, at least three."""
    names = [n.strip() for n in page.reviewers.replace(",", "、").split("、") if n.strip()]
    return names + [""] * max(0, 3 - len(names))


@require_GET
def notice(request, pk, paper="A4"):
    """The notice-board sheet, A4 or (for large boards) A3."""
    page = _live(DisclosurePage, pk)
    context = {
        "page": page,
        "paper": paper,
        "signers": _signers(page),
        "village": page.get_parent().specific,
        "versions": list(page.versions.order_by("number")),
        "full_url": short_url(request, "disclosure_short", page.pk),
    }
    context["charts"] = page.finance_charts(context["village"])
    latest, entry = _sheet_anchor(page)
    context.update(_chain_head_context(request, context["village"], entry))
    context["sheet_version"] = latest if entry else None
    context["verify_address"] = (
        verify_url(latest.hash, entry.head if entry else "") if latest else ""
    )
    return render(request, "disclosures/notice_sheet.html", context)


@require_GET
def finance_template(request):
    return _download(template_csv(), "财务公开明细模板.csv", "text/csv; charset=utf-8")


@require_GET
def xlsx_template(request, category):
    """The Excel template of one category: 财务 has the lines, the others the items."""
    if category not in CATEGORY_LABELS:
        raise Http404("没有这个公开类别")
    name = f"{CATEGORY_LABELS[category]}公开模板.xlsx"
    return _download(template_workbook(category), name, XLSX)
