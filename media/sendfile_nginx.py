"""A sendfile backend for Wagtail's document view behind the nginx recipe.

Wagtail checks a document's collection privacy, then calls this backend, which answers with an
empty response carrying ``X-Accel-Redirect: /media/documents/…``; nginx then sends the file from
its ``internal`` location. Without the nginx recipe in front, leave ``GONGKAI_X_ACCEL`` unset
(files are streamed by the application instead).
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, mimetype=None, **kwargs):
    path = Path(filename).resolve()
    try:
        relative = path.relative_to(Path(settings.MEDIA_ROOT).resolve())
    except ValueError as exc:
        raise Http404("文件不在媒体目录中") from exc
    response = HttpResponse(content_type=mimetype or "application/octet-stream")
    response["X-Accel-Redirect"] = quote(f"{settings.MEDIA_URL}{relative.as_posix()}")
    return response
