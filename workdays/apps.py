from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "workdays"
    label = "workdays"
    verbose_name = "工作日历"
    default_auto_field = "django.db.models.BigAutoField"
