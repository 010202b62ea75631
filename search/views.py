"""The public search page (HTML, works without JavaScript) and the JSON endpoints."""

import logging
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from editorial.services import matching_entries

from .analysis.normalize import to_simplified
from .engine import UNAVAILABLE, SearchRequest, SearchResponse, get_engine, run_search
from .engine.base import FACETS, SORTS
from .learning import promotions_for, record_search

logger = logging.getLogger(__name__)
# Examples the page offers (each must find something in the demo content; a test runs them).
HINTS = [
    ('"城乡社区发展治理"', "完整短语"),
    ("国发〔2019〕5号", "发文字号"),
    ("国办发[2018]123号", "括号写法不限"),
    ("000014349/2018-00230", "索引号"),
    ("《国务院工作规则》", "文件名称"),
    ("个税法实施条例", "文件简称"),
    ("国办 政务新媒体", "发文机关简称"),
    ("志願服務法", "繁体"),
]


def hint_links():
    return [{"query": q, "label": label, "href": "?" + urlencode({"q": q})} for q, label in HINTS]


def learn(req, resp, status):
    """Count a first-page search; empty only when nothing matched without any filter.

    Returns the editors' promotions to show above the first page of results.
    """
    if status != 200 or req.page != 1 or not req.q.strip():
        return []
    record_search(req.q, resp.count or bool(req.filters()))
    return promotions_for(req.q)


def _query_string(req, **changes):
    params = {"q": req.q, **req.filters(), "sort": req.sort}
    params.update(changes)
    clean = {
        k: v
        for k, v in params.items()
        if v not in ("", None) and not (k == "sort" and v == "relevance")
    }
    return "?" + urlencode(clean)


def ask_link(req, resp):
    """没找到？向有关部门留言: the message form with the query as its title, when the page
    holds no answer or only a partial one."""
    if resp.count and resp.match != "partial":
        return ""
    try:
        return reverse("enquiries:ask_message") + "?" + urlencode({"title": req.q[:50]})
    except NoReverseMatch:  # the enquiries app is not installed
        return ""


def facet_links(req, resp):
    """Facets as plain links (select / clear) so filtering works without JavaScript."""
    groups = []
    for key, label in FACETS.items():
        values = resp.facets.get(key) or []
        current = str(req.filters().get(key, ""))
        items = [
            {
                "label": value_label,
                "count": count,
                "selected": str(value) == current,
                "href": _query_string(
                    req, **{key: "" if str(value) == current else value, "page": ""}
                ),
            }
            for value, value_label, count in values
        ]
        if items:
            groups.append(
                {
                    "key": key,
                    "label": label,
                    "items": items,
                    "clear": _query_string(req, **{key: "", "page": ""}) if current else "",
                }
            )
    return groups


def pagination(req, resp):
    pages = []
    last = resp.num_pages
    for number in range(max(1, req.page - 3), min(last, req.page + 3) + 1):
        pages.append(
            {
                "number": number,
                "href": _query_string(req, page=number),
                "current": number == req.page,
            }
        )
    return {
        "pages": pages,
        "previous": _query_string(req, page=req.page - 1) if req.page > 1 else "",
        "next": _query_string(req, page=req.page + 1) if req.page < last else "",
    }


def service_entries_for(req):
    """The public forms and pages a query names (依申请公开, 留言 …), shown above the results."""
    if req.page != 1 or not req.q.strip():
        return []
    return matching_entries(req.q, to_simplified(req.q))


@require_GET
def search_page(request):
    req = SearchRequest.from_params(request.GET)
    resp, status = (
        run_search(req)
        if req.q.strip()
        else (SearchResponse(request=req, messages=req.messages), 200)
    )
    promotions = learn(req, resp, status)
    if (
        resp.jump_url
        and request.GET.get("jump") != "0"
        and url_has_allowed_host_and_scheme(resp.jump_url, allowed_hosts={request.get_host()})
    ):
        return redirect(resp.jump_url)
    context = {
        "search_query": req.q,
        "services": service_entries_for(req),
        "promotions": promotions,
        "req": req,
        "resp": resp,
        "plan": resp.plan,
        "facet_groups": facet_links(req, resp),
        "pagination": pagination(req, resp),
        "sorts": [
            {
                "key": k,
                "label": v,
                "href": _query_string(req, sort=k, page=""),
                "current": k == req.sort,
            }
            for k, v in SORTS.items()
        ],
        "suggestions": [
            {**s, "href": "?" + urlencode({"q": s["query"]})} for s in resp.suggestions
        ],
        "did_you_mean": [
            {**s, "href": "?" + urlencode({"q": s["query"]})} for s in resp.did_you_mean
        ],
        "hints": hint_links(),
        "has_filters": bool(req.filters()),
        "literal_href": _query_string(req, literal=1, page=""),
        "ask_href": ask_link(req, resp),
        "clear_filters": "?" + urlencode({"q": req.q}),
    }
    return TemplateResponse(request, "search/search.html", context, status=status)


@require_GET
def search_api(request):
    req = SearchRequest.from_params(request.GET)
    if not req.q.strip():
        return JsonResponse({"error": "请提供检索词参数 q。", "messages": req.messages}, status=400)
    resp, status = run_search(req)
    data = resp.as_json()
    data["promotions"] = learn(req, resp, status)
    data["services"] = [
        {"title": e.title, "url": e.url, "description": e.summary} for e in service_entries_for(req)
    ]
    if status != 200:
        data["error"] = UNAVAILABLE
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def autocomplete_api(request):
    prefix = str(request.GET.get("q", "") or "")[:50]
    try:
        items = get_engine().autocomplete(prefix) if prefix.strip() else []
    except Exception:
        logger.exception("autocomplete failed for %r", prefix)
        return JsonResponse({"error": UNAVAILABLE, "results": []}, status=503)
    return JsonResponse(
        {"query": prefix, "results": items}, json_dumps_params={"ensure_ascii": False}
    )
