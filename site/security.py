"""Security headers for every response: a strict Content-Security-Policy on the public site,
a looser one for the Wagtail admin (which needs its own inline scripts and styles).

The public policy allows nothing inline and no other host: pages load scripts, styles, images
and fonts from this site only. nginx sends the same headers with cached pages
(site/deploy/nginx/gongkai.conf; tests/test_security.py keeps the two in step).
"""

from django.conf import settings

PUBLIC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "frame-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "media-src 'self' blob:; "
    "object-src 'none'; frame-src 'self'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
DEFAULT_ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def is_admin_path(path):
    prefixes = getattr(settings, "SECURITY_ADMIN_PREFIXES", DEFAULT_ADMIN_PREFIXES)
    return path.startswith(tuple(prefixes))


class SecurityHeadersMiddleware:
    """Adds CSP, Permissions-Policy and Cross-Origin-Resource-Policy; lets the admin frame
    itself (Wagtail's live preview) while public pages refuse every frame."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin = is_admin_path(request.path)
        response.headers.setdefault("Content-Security-Policy", ADMIN_CSP if admin else PUBLIC_CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if admin:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response
