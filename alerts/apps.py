from django.apps import AppConfig, apps


class AlertsConfig(AppConfig):
    name = "alerts"
    label = "alerts"
    verbose_name = "订阅提醒"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .signal_handlers import connect_reply_published

        # The questions app may not be installed yet: subscribe to its signal only if it is.
        if apps.is_installed("enquiries"):
            connect_reply_published()
