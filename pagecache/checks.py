"""System check: the page cache must see the response as the reader gets it."""

from django.conf import settings
from django.core import checks

CACHE = "pagecache.middleware.PageCacheMiddleware"
BODY_CHANGERS = ("readerprefs.preferences.ReaderPreferencesMiddleware",)


@checks.register()
def middleware_order(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if CACHE not in middleware:
        return []
    position = middleware.index(CACHE)
    return [
        checks.Error(
            f"{CACHE} 必须排在 {name} 之前，否则缓存的页面不是读者看到的版本（简/繁、长者模式）。",
            id="pagecache.E001",
        )
        for name in BODY_CHANGERS
        if name in middleware and middleware.index(name) < position
    ]
