from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    label = "policies"
    verbose_name = "政策文件库"

    def ready(self):
        from . import importers  # noqa: F401  (registers the import record types)
        from .signal_handlers import connect

        connect()
