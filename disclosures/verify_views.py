"""The public 核验 page: paste a chain head, a version hash, the address under a notice sheet's
QR code or an archived log entry; scanning the QR opens it pre-filled. A plain GET form."""

import datetime

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from siteidentity.addresses import absolute_url

from .models import VillagePage
from .verification import parse
from .verify_findings import (
    BAD,
    OK,
    SUPERSEDED,
    UNKNOWN,
    check_archive,
    check_head,
    check_pair,
    check_version,
    nothing_found,
)

RANK = {OK: 0, SUPERSEDED: 1, UNKNOWN: 2, BAD: 3}


def verify_url(version_hash="", head=""):
    """The absolute address a notice sheet's QR code opens (and prints underneath)."""
    query = "&".join(f"{k}={v}" for k, v in (("v", version_hash), ("h", head)) if v)
    return absolute_url(reverse("disclosures:verify")) + (f"?{query}" if query else "")


def _village(value, villages):
    if value and value.isascii() and value.isdigit() and len(value) < 12:
        return next((v for v in villages if v.pk == int(value)), None)
    return None


def _day(value):
    if not value:
        return None, ""
    try:
        return datetime.date.fromisoformat(value.strip()), ""
    except ValueError:
        return None, "日期格式不对，请写成 2026-03-05 这样的年-月-日。"


def _findings(parsed, village_id, day):
    if parsed.archived is not None:
        return [check_archive(parsed.archived, village_id)]
    if parsed.version and parsed.head:
        return check_pair(parsed.version, parsed.head, village_id)
    found = []
    for digest in [parsed.version, parsed.head, *parsed.hashes]:
        if not digest:
            continue
        finding = check_version(digest, village_id)
        if finding.verdict == UNKNOWN:
            finding = check_head(digest, village_id, day)
        found.append(nothing_found() if finding.verdict == UNKNOWN else finding)
    return found


@require_GET
def verify(request):
    villages = list(VillagePage.objects.live().public().order_by("path"))
    params = request.GET
    text = params.get("q", "")
    if not text and (params.get("v") or params.get("h")):
        text = request.build_absolute_uri()  # the QR address, shown as it was scanned
    village = _village(params.get("village", ""), villages)
    day, error = _day(params.get("date", ""))
    findings = []
    if text.strip() and not error:
        parsed = parse(text)
        error = parsed.error
        if not error:
            findings = _findings(parsed, village.pk if village else None, day)
    worst = max(findings, key=lambda f: RANK[f.verdict]) if findings else None
    context = {
        "query": text,
        "villages": villages,
        "village": village,
        "date_text": params.get("date", ""),
        "error": error,
        "findings": findings,
        "overall": worst.verdict if worst else "",
        "overall_label": worst.verdict_label if worst else "",
    }
    return render(request, "disclosures/verify.html", context, status=200)
