"""The admin form of the photo library: a damaged upload gets a clear error, never a 500."""

from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .privacy import UnreadableImageError, clean_image


class CompleteImageField(WagtailImageField):
    """Wagtail's image field, refusing files that cannot be decoded to the last byte.

    Wagtail reads the pixel size by decoding the file; a truncated JPEG then raises
    OSError from inside the form. Here every such failure becomes a validation error.
    """

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
            raise ValidationError(UnreadableImageError.message, code="invalid_image") from exc
        if upload is None:
            return None
        try:
            upload.seek(0)
            clean_image(upload.read(), upload.name)
        except UnreadableImageError as exc:
            raise ValidationError(str(exc), code="invalid_image") from exc
        finally:
            upload.seek(0)
        return upload


class CreditedImageForm(BaseImageForm):
    """The base of every image form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            current = self.fields["file"]
            field = CompleteImageField(label=current.label, required=current.required)
            field.widget = current.widget
            self.fields["file"] = field
