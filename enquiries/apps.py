from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    label = "enquiries"
    verbose_name = "依申请公开与留言"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # the `addressee` and `enquiry` import record types
        from . import addressee_import, importers  # noqa: F401
