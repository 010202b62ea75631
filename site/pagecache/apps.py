from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "gongkai.pagecache"
    label = "pagecache"
    verbose_name = "页面缓存"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
