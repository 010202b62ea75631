from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    label = "pagecache"
    verbose_name = "页面缓存"

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401 - checks registers itself

        signal_handlers.connect()
