"""Attached files are part of the record: no in-place replacement, corrections keep the old file,
verify notices a swapped file, and images uploaded as documents lose their EXIF/GPS data."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.documents import get_document_model
from wagtail.models import Collection

from disclosures.models import DisclosureAttachment
from media.tests.factories import jpeg_with_gps

from .factories import finance_disclosure, hierarchy
from .test_admin import make_user

pytestmark = pytest.mark.django_db
Document = get_document_model()
ORIGINAL = b"%PDF-1.4 original scan\n%%EOF"
FORGED = b"%PDF-1.4 forged scan\n%%EOF"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin_client(client, settings):
    settings.AXES_ENABLED = False
    client.force_login(make_user("admin", superuser=True))
    return client


def document(content=ORIGINAL, title="收支凭证扫描件"):
    doc = Document(title=title, file=ContentFile(content, name="scan.pdf"))
    doc._set_document_file_metadata()
    doc.save()
    return doc


@pytest.fixture
def published():
    village = hierarchy()[3][0]
    page = finance_disclosure(village, publish=False)
    page.attachments = [DisclosureAttachment(document=document(), title="凭证")]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def read(doc):
    doc.refresh_from_db()
    with doc.open_file() as handle:
        return handle.read()


def test_replacing_the_file_in_the_admin_is_refused_with_a_reason(admin_client, published):
    doc = published.attachments.get().document
    url = reverse("wagtaildocs:edit", args=[doc.pk])
    response = admin_client.post(
        url,
        {
            "title": doc.title,
            "file": SimpleUploadedFile("forged.pdf", FORGED),
            "collection": doc.collection_id,
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert "是已发布四务公开的原件，不能替换文件" in response.content.decode()
    assert read(doc) == ORIGINAL


def test_replacing_the_file_from_code_is_refused(published):
    doc = published.attachments.get().document
    doc.file = ContentFile(FORGED, name="forged.pdf")
    with pytest.raises(ValidationError, match="不能替换文件"):
        doc.save()
    assert read(doc) == ORIGINAL


def test_unattached_documents_can_still_be_replaced():
    doc = document()
    doc.file = ContentFile(FORGED, name="draft.pdf")
    doc.save()
    assert read(doc) == FORGED


def test_a_new_file_is_a_public_correction_and_the_old_one_stays(client, published):
    old = published.attachments.get().document
    published.attachments = [
        DisclosureAttachment(document=document(FORGED, "新凭证"), title="凭证")
    ]
    with pytest.raises(ValidationError, match="更正原因"):
        published.save_revision().publish()
    published.change_reason = "凭证扫描件模糊，重新扫描"
    published.save_revision().publish()
    first, second = published.versions.order_by("number")
    assert second.reason == "凭证扫描件模糊，重新扫描"
    assert any(
        "附件" in line or "原件" in line or "attachments" in line for line in second.change_lines
    )
    html = client.get(published.url).content.decode()
    assert "凭证扫描件模糊，重新扫描" in html
    assert old.url in html  # the first version's file is still linked
    assert client.get(old.url).status_code == 200
    assert [doc.pk for _, doc in first.attachment_files()] == [old.pk]
    call_command("verify_disclosures")


def test_verify_fails_on_a_file_swapped_behind_the_storage(published, capsys):
    doc = published.attachments.get().document
    with open(doc.file.path, "wb") as handle:
        handle.write(FORGED)
    with pytest.raises(CommandError):
        call_command("verify_disclosures")
    assert "文件与第 1 版记录的哈希不符" in capsys.readouterr().err


def assert_no_gps(data):
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert ExifTags.Base.Make not in exif and ExifTags.Base.Model not in exif


def test_an_image_uploaded_as_a_document_loses_its_location(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "公开栏照片",
            "file": SimpleUploadedFile("board.jpg", jpeg_with_gps()),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 302
    doc = Document.objects.get(title="公开栏照片")
    stored = read(doc)
    assert_no_gps(stored)
    from wagtail.utils.file import hash_filelike

    assert doc.file_hash == hash_filelike(io.BytesIO(stored))


@pytest.mark.parametrize("name", ["会议纪要.pdf", "scan.PDF", "表格.xlsx"])
def test_a_jpeg_under_another_name_loses_its_location_too(admin_client, name):
    """The content decides, not the name (issue 25, reproduction 14: a JPEG named .pdf)."""
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "改名的照片",
            "file": SimpleUploadedFile(name, jpeg_with_gps()),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 302
    assert_no_gps(read(Document.objects.get(title="改名的照片")))
    code = Document(title="导入的改名照片", file=ContentFile(jpeg_with_gps(), name=name))
    code.save()
    assert_no_gps(read(code))


def test_an_image_document_saved_from_code_loses_its_location_too():
    doc = Document(title="导入的照片", file=ContentFile(jpeg_with_gps(), name="import.jpg"))
    doc.save()
    assert_no_gps(read(doc))


def test_a_broken_image_document_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "坏图片",
            "file": SimpleUploadedFile("broken.jpg", b"\xff\xd8\xff\xe0 not really"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert "无法读取该图片" in response.content.decode()
    assert not Document.objects.filter(title="坏图片").exists()
