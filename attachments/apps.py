from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    """The text of uploaded attachments (PDF, DOCX, XLSX, OFD), read in a background task."""

    name = "attachments"
    label = "attachments"
    verbose_name = "附件文字"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
