from django.apps import AppConfig


class GovinfoConfig(AppConfig):
    name = "govinfo"
    label = "govinfo"
    verbose_name = "政务公开基础信息"
    default_auto_field = "django.db.models.BigAutoField"
