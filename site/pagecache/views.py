"""The endpoint other web nodes' frontend-cache backend calls to purge this node's files."""

import hmac
import json
import time

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .frontend import purge_locally, sign

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
    if len(body) > MAX_BODY or not hmac.compare_digest(given, sign(key, body)):
        return HttpResponseForbidden("签名无效。")
    try:
        data = json.loads(body)
        paths = [p for p in data["paths"] if isinstance(p, str)]
        fresh = abs(time.time() - float(data["ts"])) <= MAX_AGE_SECONDS
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("请求格式错误。")
    if not fresh:
        return HttpResponseForbidden("请求已过期。")
    return JsonResponse({"removed": purge_locally(paths)})
