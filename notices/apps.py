from django.apps import AppConfig


class NoticesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notices"
    verbose_name = "公示与意见征集"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
