"""The endpoint other web nodes' frontend-cache backend calls to purge this node's files.

A refresh (pages that stay public) retires the files and renders them again on this node in a
background thread, after the answer: the sending task does not wait for this node's renders."""

import hmac
import json
import logging
import threading
import time

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import renderer, store
from .frontend import purge_locally, sign

logger = logging.getLogger(__name__)

MAX_BODY = 256 * 1024
MAX_AGE_SECONDS = 300


@csrf_exempt
@require_POST
def purge(request):
    key = getattr(settings, "PAGECACHE_PURGE_KEY", "")
    if not key:
        raise Http404
    body = request.body[: MAX_BODY + 1]
    given = request.headers.get("X-Pagecache-Signature", "")
    # compare_digest refuses non-ASCII text (TypeError): such a header is simply wrong.
    if (
        len(body) > MAX_BODY
        or not given.isascii()
        or not hmac.compare_digest(given, sign(key, body))
    ):
        return HttpResponseForbidden("签名无效。")
    try:
        data = json.loads(body)
        paths = [p for p in data["paths"] if isinstance(p, str)]
        fresh = abs(time.time() - float(data["ts"])) <= MAX_AGE_SECONDS
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("请求格式错误。")
    if not fresh:
        return HttpResponseForbidden("请求已过期。")
    refresh = data.get("refresh") is True
    removed = purge_locally(paths, refresh=refresh)
    if refresh and removed and getattr(settings, "PAGECACHE_EAGER", False):
        start_refresh()
    return JsonResponse({"removed": removed})


def _render_stale():
    from django.db import connections

    try:
        renderer.render_stale()
    except Exception:  # rendered on the first request after PAGECACHE_MAX_STALE_SECONDS
        logger.exception("Page-cache re-render after a remote purge failed")
    finally:
        connections.close_all()


def start_refresh():
    """Render what this node serves stale, in the background; returns the thread."""
    if not store.stale_entries():
        return None
    thread = threading.Thread(target=_render_stale, name="pagecache-refresh", daemon=True)
    thread.start()
    return thread
