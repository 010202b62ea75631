"""Uploaded files for the demo, served the way the production recipe serves them.

Production never reaches this view: nginx answers ``/media/`` itself (gongkai-locations.conf)
with a sandboxing Content-Security-Policy and ``nosniff``, and keeps ``/media/documents/``
internal, so documents go only through Wagtail's ``/documents/`` view and its privacy rules.
``make demo`` runs without nginx and with DEBUG off, so there this view does the same job when
``GONGKAI_SERVE_MEDIA`` is on (dev settings; never in production settings): the same headers,
documents refused, nothing outside ``MEDIA_ROOT``.
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

# As nginx's `internal` location: reachable only through the document view's privacy check.
PRIVATE_PREFIXES = ("documents/",)
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "public, max-age=604800",
}


@require_safe
def serve_media(request, path):
    if not getattr(settings, "GONGKAI_SERVE_MEDIA", False):
        raise Http404("本站不直接提供上传文件")
    if path.lstrip("/").startswith(PRIVATE_PREFIXES) or "\\" in path or "\x00" in path:
        raise Http404("该文件只能通过文档页面获取")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    for name, value in HEADERS.items():
        response[name] = value
    return response
