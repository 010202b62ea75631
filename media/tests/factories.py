"""Factories for the photo library and photo feature pages."""

import io
import itertools

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.images.tests.utils import get_test_image_file

from home.tests.factories import DAY, ascii_slug, publish_revision, section
from media.models import CreditedImage, PhotoFeatureIndexPage, PhotoFeaturePage, PhotoFeaturePhoto

_images = itertools.count(1)


def jpeg_bytes(size=(64, 48), color=(120, 140, 160), **save_params):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", **save_params)
    return buffer.getvalue()


class CreditedImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CreditedImage

    title = factory.Sequence(lambda n: f"社区照片{n}")
    alt_text = factory.Sequence(lambda n: f"社区居民在党群服务中心活动（{n}）")
    caption = "居民在社区书屋阅读"
    credit = "钟良"
    file = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="photo.jpg"))


class PhotoFeatureIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PhotoFeatureIndexPage
        skip_postgeneration_save = True

    publish = factory.PostGeneration(publish_revision)

    title = "图片报道"
    slug = "photos"


class PhotoFeaturePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PhotoFeaturePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"图片报道{n}")
    date = factory.Faker("date_between", start_date="-3y", end_date="today")
    place = "四川省简阳市"
    text = "简阳市贾家镇菠萝村的社区绿道。"

    @factory.post_generation
    def photos(page, create, extracted, caption="", **kwargs):
        """photos=[image, …] (one new image by default), photos__caption="…" for each."""
        images = extracted if extracted is not None else [CreditedImageFactory()]
        page.photos = [PhotoFeaturePhoto(image=image, caption=caption) for image in images]
        if create:
            page.save_revision().publish()
            page.refresh_from_db()


def credited_image(caption="", alt="图片"):
    """A small PNG credited to 摄影者, with the given caption and alt text."""
    return CreditedImageFactory(
        caption=caption,
        alt_text=alt,
        credit="摄影者",
        file=get_test_image_file(f"photo-{next(_images)}.png", size=(64, 48)),
    )


def photo_feature(photos=1, title=None, caption=""):
    """A published photo feature in the photo listing with ``photos`` new images."""
    fields = {"title": title} if title else {}
    return PhotoFeaturePageFactory(
        parent=section(PhotoFeatureIndexPageFactory, "photos", "图片报道"),
        slug=ascii_slug("photo"),
        date=DAY,
        place="",
        text="",
        photos=[credited_image() for _ in range(photos)],
        photos__caption=caption,
        **fields,
    )


def jpeg_with_gps(size=(60, 40), orientation=6):
    """A phone-like JPEG: GPS position, camera make/model and a rotation flag."""
    from PIL import ExifTags

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Apple"
    exif[ExifTags.Base.Model] = "iPhone 15 Pro"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (30.0, 39.0, 12.5),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (104.0, 4.0, 3.2),
    }
    return jpeg_bytes(size=size, exif=exif)
