from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    label = "news"
    verbose_name = "新闻与案例"

    def ready(self):
        from . import importers  # noqa: F401  (registers the import record types)
