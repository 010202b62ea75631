"""Keep location data out of the temporary files of Wagtail's multiple-image upload."""

from pathlib import PurePath

from django.core.files.base import ContentFile
from wagtail.images.utils import get_allowed_image_extensions

from .privacy import UnreadableImageError, clean_image


def strip_uploaded_file_metadata(sender, instance, **kwargs):
    """pre_save of wagtail UploadedFile: an image waiting for its alt text and credit is
    stored without GPS or device data too, even if the editor never finishes the form."""
    upload = instance.file
    if not upload or getattr(upload, "_committed", True):
        return
    name = PurePath(upload.name).name
    if PurePath(name).suffix.lower().lstrip(".") not in get_allowed_image_extensions():
        return
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        cleaned = clean_image(data, name)
    except UnreadableImageError:
        return  # the image form refuses it with a clear message when the editor continues
    if cleaned is not None:
        instance.file = ContentFile(cleaned.content, name=cleaned.name)
