from django.apps import AppConfig


class SpecialsConfig(AppConfig):
    name = "specials"
    label = "specials"
    verbose_name = "专题专栏"

    def ready(self):
        from . import importers  # noqa: F401  (registers the `collection` import record type)
