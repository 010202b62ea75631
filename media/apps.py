from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = "图片与图片报道"

    def ready(self):
        from . import importers  # noqa: F401  (registers the import record types)
