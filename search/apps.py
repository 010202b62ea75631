from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "中文全文检索"

    def ready(self):
        from .signal_handlers import connect

        connect()
