from django.apps import AppConfig
from django.db.models.signals import pre_save


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = "图片与图片报道"

    def ready(self):
        from wagtail.models import UploadedFile

        from . import importers  # noqa: F401  (registers the import record types)
        from .signal_handlers import strip_uploaded_file_metadata

        pre_save.connect(
            strip_uploaded_file_metadata,
            sender=UploadedFile,
            dispatch_uid="media_strip_uploaded_file_metadata",
        )
