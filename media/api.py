"""How credited images and photo features read in the public API (Wagtail API v2)."""

from rest_framework import serializers


def image_data(image):
    """A credited image as the API shows it: id, alt text, photographer, size, original URL."""
    if image is None:
        return None
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "alt_text", "") or image.title,
        "credit": getattr(image, "credit", ""),
        "width": image.width,
        "height": image.height,
        "download_url": image.file.url,
    }


class ImageField(serializers.Field):
    """A credited image: id, alt text, photographer, size and the original's URL."""

    def to_representation(self, value):
        return image_data(value)


class PhotoListField(serializers.Field):
    """The photos of a photo feature, in order, with their captions and credits."""

    def to_representation(self, value):
        return [
            {"caption": photo.display_caption, "image": image_data(photo.image)}
            for photo in value.all().select_related("image")
        ]
