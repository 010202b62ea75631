from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    label = "enquiries"
    verbose_name = "依申请公开与留言"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from workdays.signals import calendar_changed

        # the `addressee` and `enquiry` import record types
        from . import addressee_import, importers  # noqa: F401
        from .recompute import recompute_open_deadlines

        calendar_changed.connect(recompute_open_deadlines, dispatch_uid="enquiries-recompute")
