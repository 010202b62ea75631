"""Uploads to the photo library: location data stripped, orientation applied, bad files refused."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.images.utils import get_allowed_image_extensions
from wagtail.models import Collection

from media.models import CreditedImage
from media.tests.factories import CreditedImageFactory, jpeg_bytes, jpeg_with_gps

pytestmark = pytest.mark.django_db

GPS_AND_DEVICE = (ExifTags.Base.Make, ExifTags.Base.Model, ExifTags.IFD.GPSInfo)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, content, name="phone.jpg", **fields):
    data = {
        "title": "社区书屋",
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "alt_text": "居民在社区书屋阅读",
        "caption": "社区书屋",
        "credit": "钟良",
        "date_taken": "",
        "place": "四川省简阳市",
        **fields,
    }
    return client.post(reverse("wagtailimages:add"), data)


def stored_files():
    folder = Path(settings.MEDIA_ROOT) / "original_images"
    return sorted(folder.iterdir()) if folder.exists() else []


def assert_no_location_or_device(path_or_bytes):
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    with Image.open(source) as image:
        exif = image.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        for tag in GPS_AND_DEVICE:
            assert tag not in exif
        assert b"Apple" not in (image.info.get("exif") or b"")


def test_gps_and_device_data_never_reach_the_original_or_any_rendition(admin_client):
    response = upload(admin_client, jpeg_with_gps(size=(60, 40), orientation=6))
    assert response.status_code == 302
    image = CreditedImage.objects.get()
    with image.open_file() as stored:
        assert_no_location_or_device(stored)
    assert (image.width, image.height) == (40, 60)  # the rotation flag was applied to the pixels
    for spec in ("width-30|format-jpeg", "width-30|format-webp", "fill-20x20-c100|format-png"):
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as f:
            assert_no_location_or_device(f.read())
    assert len(stored_files()) == 1


def test_images_saved_in_code_are_cleaned_too():
    image = CreditedImageFactory(file=SimpleUploadedFile("x.jpg", jpeg_with_gps()))
    with image.open_file() as stored:
        assert_no_location_or_device(stored)


def test_alt_text_is_required_and_nothing_is_stored_without_it(admin_client):
    response = upload(admin_client, jpeg_bytes(), alt_text="")
    assert response.status_code == 200
    assert "替代文字" in response.content.decode()
    assert response.context["form"].errors["alt_text"]
    assert not CreditedImage.objects.exists() and stored_files() == []


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=500)
def test_oversized_upload_gets_a_clear_error_and_nothing_is_stored(admin_client):
    response = upload(admin_client, jpeg_bytes(size=(400, 400)))
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any("文件过大" in e for e in errors)
    assert not CreditedImage.objects.exists() and stored_files() == []


def test_corrupt_upload_gets_a_clear_error_and_nothing_is_stored(admin_client):
    whole = jpeg_bytes(size=(300, 200))
    response = upload(admin_client, whole[: len(whole) // 2])
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "损坏" in errors
    assert not CreditedImage.objects.exists() and stored_files() == []


def test_heic_photos_from_phones_are_accepted_and_stored_as_jpeg(admin_client):
    import pillow_heif

    pillow_heif.register_heif_opener()
    assert "heic" in get_allowed_image_extensions()
    buffer = io.BytesIO()
    Image.new("RGB", (48, 32), (10, 120, 60)).save(buffer, "HEIF")
    response = upload(admin_client, buffer.getvalue(), name="IMG_0001.heic")
    assert response.status_code == 302
    image = CreditedImage.objects.get()
    assert image.file.name.endswith(".jpg")
    with image.open_file() as stored, Image.open(stored) as decoded:
        assert decoded.format == "JPEG" and decoded.size == (48, 32)


def all_stored_files():
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_multiple_upload_waiting_for_alt_text_keeps_no_location_data(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("phone.jpg", jpeg_with_gps()), "title": "phone.jpg"},
    )
    assert response.status_code == 200 and response.json()["success"]
    assert not CreditedImage.objects.exists()  # still waiting for alt text
    files = all_stored_files()
    assert len(files) == 1
    assert_no_location_or_device(files[0].read_bytes())
