"""#25 (3, 4, 6): originals stay public and checked; a draft's uploads stay private."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from disclosures.models import DisclosureAttachment

from .factories import finance_disclosure, hierarchy
from .test_admin import make_user

pytestmark = pytest.mark.django_db
Document = get_document_model()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.AXES_ENABLED = False


@pytest.fixture
def village():
    return hierarchy()[3][0]


def upload(village, title="收支凭证扫描件", body=b"%PDF-1.4 scan\n%%EOF"):
    """A file put into the village's attachments folder, as the clerk uploads it."""
    doc = Document(
        title=title,
        collection=village.accountability.collection,
        file=ContentFile(body, name="scan.pdf"),
    )
    doc._set_document_file_metadata()
    doc.save()
    return doc


def publish_with(village, doc):
    page = finance_disclosure(village, publish=False)
    page.attachments = [DisclosureAttachment(document=doc, title="凭证")]
    page.save_revision().publish()
    return page


def api_titles(client):
    return [d["title"] for d in client.get("/api/v2/documents/").json()["items"]]


def test_a_drafts_upload_is_private_until_the_disclosure_is_published(client, village):
    doc = upload(village)
    assert "收支凭证扫描件" not in api_titles(client)
    assert client.get(doc.url).status_code == 404
    assert client.get(reverse("wagtailapi:documents:detail", args=[doc.pk])).status_code == 404
    clerk = make_user("clerk")
    clerk.groups.add(village.accountability.clerks)
    client.force_login(clerk)
    assert client.get(doc.url).status_code == 200  # the village's own staff may check it
    client.logout()
    publish_with(village, doc)
    assert "收支凭证扫描件" in api_titles(client)
    assert client.get(doc.url).status_code == 200


def test_privacy_on_a_folder_holding_published_originals_is_refused(client, village):
    doc = upload(village)
    publish_with(village, doc)
    folder = village.accountability.collection
    for collection in (folder, folder.get_parent()):
        with pytest.raises(PermissionDenied, match="不能设置访问限制"):
            CollectionViewRestriction.objects.create(
                collection=collection, restriction_type="password", password="x-123456"
            )
    client.force_login(make_user("admin", superuser=True))
    url = reverse("wagtailadmin_collections:set_privacy", args=[folder.pk])
    client.post(url, {"restriction_type": "login"})
    assert not CollectionViewRestriction.objects.exists()
    client.logout()
    assert client.get(doc.url).status_code == 200


def test_verify_fails_on_an_original_the_public_cannot_fetch(client, village):
    doc = upload(village)
    publish_with(village, doc)
    call_command("verify_disclosures")
    # The attack done in the database: bulk_create sends no pre_save.
    CollectionViewRestriction.objects.bulk_create(
        [
            CollectionViewRestriction(
                collection=village.accountability.collection,
                restriction_type="password",
                password="x-123456",
            )
        ]
    )
    assert b"%PDF" not in client.get(doc.url).content  # the password form, not the file
    with pytest.raises(CommandError) as failed:
        call_command("verify_disclosures")
    assert "未通过核验" in str(failed.value)


def test_verify_names_the_hidden_original(capsys, village):
    doc = upload(village)
    publish_with(village, doc)
    CollectionViewRestriction.objects.bulk_create(
        [CollectionViewRestriction(collection=doc.collection, restriction_type="login")]
    )
    with pytest.raises(CommandError):
        call_command("verify_disclosures")
    assert "原件《凭证》所在的文件夹" in capsys.readouterr().err
