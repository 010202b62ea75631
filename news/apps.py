from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsConfig(AppConfig):
    name = "news"
    label = "news"
    verbose_name = "新闻与案例"

    def ready(self):
        from . import importers  # noqa: F401  (registers the import record types)
        from .signal_handlers import create_editorial_workflow

        post_migrate.connect(
            create_editorial_workflow, sender=self, dispatch_uid="news_editorial_workflow"
        )
