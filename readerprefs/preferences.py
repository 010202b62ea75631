"""Reader preferences: 简/繁 script and 长者模式 (elder mode), kept in two cookies.

Cookies (the page cache keys on the values of exactly these two, nothing else):

- ``script``: ``hant`` renders the page in traditional characters in Taiwan forms, ``hk`` in
  Hong Kong forms (``readerprefs.conversion``); any other value or no cookie means simplified
  (``hans``, the default).
- ``elder``: ``1`` turns elder mode on (``<html class="elder">``); anything else means off.

Both are set by ``/preferences/?script=hant&next=/path/`` (GET link or POST form, no JavaScript
needed), which redirects back to ``next``. ``variant_key(request)`` names the variant
(``hans``, ``hant``, ``hans-elder``, ``hant-elder``); ``VARIANT_COOKIES`` gives the cookies that
produce each variant, for tools that pre-render all of them.

``ReaderPreferencesMiddleware`` puts ``request.reader`` on every request and, for public pages
(not the admin, the API, static, media or documents), adds ``Vary: Cookie`` and converts HTML
responses to traditional characters when asked (see ``readerprefs.variants``). Place it near the
top of MIDDLEWARE so that any response cache wraps it and stores the converted page.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .variants import html_to_traditional

SCRIPT_COOKIE = "script"
ELDER_COOKIE = "elder"
SCRIPTS = ("hans", "hant", "hk")
TRADITIONAL = ("hant", "hk")
COOKIE_MAX_AGE = 365 * 24 * 3600
VARIANT_COOKIES = {
    "hans": {},
    "hant": {SCRIPT_COOKIE: "hant"},
    "hans-elder": {ELDER_COOKIE: "1"},
    "hant-elder": {SCRIPT_COOKIE: "hant", ELDER_COOKIE: "1"},
    "hk": {SCRIPT_COOKIE: "hk"},
    "hk-elder": {SCRIPT_COOKIE: "hk", ELDER_COOKIE: "1"},
}
# Paths that are not public reading pages: never converted, no Vary added.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/static/", "/media/", "/documents/")
PREFERENCES_PATH = "/preferences/"


@dataclass(frozen=True)
class ReaderPreferences:
    script: str = "hans"
    elder: bool = False

    @classmethod
    def from_cookies(cls, cookies):
        return cls(
            script=script if (script := cookies.get(SCRIPT_COOKIE)) in TRADITIONAL else "hans",
            elder=cookies.get(ELDER_COOKIE) == "1",
        )

    @property
    def hant(self):
        return self.script in TRADITIONAL

    @property
    def region(self):
        """The conversion's regional forms: ``hk`` or ``tw``."""
        return "hk" if self.script == "hk" else "tw"

    @property
    def key(self):
        return self.script + ("-elder" if self.elder else "")

    @property
    def lang(self):
        if not self.hant:
            return "zh-Hans"
        return "zh-Hant-HK" if self.script == "hk" else "zh-Hant"


def variant_key(request):
    """hans / hant / hans-elder / hant-elder for this request's cookies."""
    return ReaderPreferences.from_cookies(request.COOKIES).key


def is_public_path(path):
    return not path.startswith(EXCLUDED_PREFIXES)


def preference_url(next_url, **changes):
    """Link to the switch that applies ``changes`` and returns to ``next_url``."""
    return f"{PREFERENCES_PATH}?{urlencode({**changes, 'next': next_url})}"


class ReaderPreferencesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.reader = ReaderPreferences.from_cookies(request.COOKIES)
        response = self.get_response(request)
        if not is_public_path(request.path):
            return response
        patch_vary_headers(response, ("Cookie",))
        if request.reader.hant:
            self._convert(response, request.reader)
        return response

    @staticmethod
    def _convert(response, reader):
        content_type = response.get("Content-Type", "")
        if (
            getattr(response, "streaming", False)
            or not content_type.startswith("text/html")
            or response.has_header("Content-Encoding")
        ):
            return
        charset = getattr(response, "charset", None) or "utf-8"
        html = response.content.decode(charset, errors="replace")
        response.content = html_to_traditional(html, reader.region).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        response["Content-Language"] = reader.lang


def reader(request):
    """Context processor: ``reader`` (the preferences) and the links that change them."""
    prefs = getattr(request, "reader", None) or ReaderPreferences.from_cookies(request.COOKIES)
    here = request.get_full_path()
    return {
        "reader": prefs,
        "reader_script_url": preference_url(here, script="hans" if prefs.hant else "hant"),
        # Between Taiwan and Hong Kong forms, offered once the reader reads 繁體.
        "reader_region_url": preference_url(here, script="hant" if prefs.script == "hk" else "hk"),
        "reader_elder_url": preference_url(here, elder="0" if prefs.elder else "1"),
    }


def _safe_next(request, value):
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return "/"


@csrf_exempt  # changes only how this reader's own pages look; nothing is stored server-side
@require_http_methods(["GET", "POST"])
def set_preferences(request):
    """Remember the reader's script and elder-mode choice, then go back to the page."""
    data = request.POST if request.method == "POST" else request.GET
    response = HttpResponseRedirect(_safe_next(request, data.get("next")))
    options = {
        "max_age": COOKIE_MAX_AGE,
        "samesite": "Lax",
        "httponly": True,
        "secure": request.is_secure(),
    }
    script = data.get("script")
    if script in SCRIPTS:
        if script in TRADITIONAL:
            response.set_cookie(SCRIPT_COOKIE, script, **options)
        else:
            response.delete_cookie(SCRIPT_COOKIE, samesite="Lax")
    elder = data.get("elder")
    if elder == "1":
        response.set_cookie(ELDER_COOKIE, "1", **options)
    elif elder == "0":
        response.delete_cookie(ELDER_COOKIE, samesite="Lax")
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
