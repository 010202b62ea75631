from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "disclosures"
    label = "disclosures"
    verbose_name = "村务四务公开"

    def ready(self):
        from . import importers  # noqa: F401  (registers the `disclosure` import record type)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
