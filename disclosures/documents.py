"""Attached files are part of the record.

A document attached to a disclosure with a published version, or whose file hash is recorded in
any published version, cannot have its file replaced in place: Wagtail would delete the old file
and serve the new one at once, without review. A new file is attached as a correction, which is
reviewed, needs a reason and shows in the public correction record; the old file stays, linked
from the earlier version.

Every image uploaded as a document is also stripped of EXIF/XMP/GPS data (``media.privacy``).
"""

import io
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.utils.file import hash_filelike

from media.privacy import UnreadableImageError, clean_image, looks_like_image

REPLACE_REFUSED = (
    "“{title}”是已发布四务公开的原件，不能替换文件：替换会让网上的原件悄悄变成另一份。"
    "如需更正，请上传新文件，在该公开中换用新文件并填写更正原因后提交审核；原文件会随旧版本保留。"
)
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "avif", "heic", "heif"}


def recorded_file_hashes():
    """The file hashes of every attachment in every published version."""
    from .models import DisclosureVersion

    hashes = set()
    for content in DisclosureVersion.objects.values_list("content", flat=True).iterator():
        for attachment in content.get("attachments") or []:
            hashes.add(attachment.get("file_hash"))
    return hashes


def on_record(document):
    """True when the document's stored file is part of a published disclosure's record."""
    from .models import DisclosureAttachment

    if document.pk is None:
        return False
    attached = DisclosureAttachment.objects.filter(
        document_id=document.pk, page__versions__isnull=False
    ).exists()
    return attached or bool(document.file_hash and document.file_hash in recorded_file_hashes())


def replacement_refusal(document):
    """Why the file of ``document`` may not be replaced, or ""."""
    from wagtail.documents import get_document_model

    stored = get_document_model().objects.filter(pk=document.pk).first() if document.pk else None
    if stored is not None and on_record(stored):
        return REPLACE_REFUSED.format(title=stored.title)
    return ""


def is_image_name(name):
    return PurePath(name or "").suffix.lower().lstrip(".") in IMAGE_EXTENSIONS


def is_image(upload):
    """Whether an upload is an image, by its name or (a JPEG named .pdf) by its content."""
    if is_image_name(upload.name):
        return True
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return looks_like_image(head)


def strip_image_metadata(upload):
    """A metadata-free ContentFile for an image upload, or None when it is clean already.

    Raises UnreadableImageError for an image that cannot be decoded.
    """
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    cleaned = clean_image(data, PurePath(upload.name).name)
    return ContentFile(cleaned.content, name=cleaned.name) if cleaned else None


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form: no in-place replacement of a file on record; images stripped."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if self.instance.pk and "file" in self.changed_data:
            message = replacement_refusal(self.instance)
            if message:
                raise ValidationError(message)
        if upload and "file" in self.changed_data and is_image(upload):
            try:
                cleaned = strip_image_metadata(upload)
            except UnreadableImageError as error:
                raise ValidationError(error.message) from error
            if cleaned is not None:
                return cleaned
        return upload


def guard_document_save(sender, instance, raw=False, **kwargs):
    """pre_save of documents: the same two rules for every other way a document is saved."""
    if raw or not instance.file:
        return
    new_file = not getattr(instance.file, "_committed", True)
    if instance.pk and new_file:
        message = replacement_refusal(instance)
        if message:
            raise ValidationError({"file": message})
    if new_file and is_image(instance.file):
        try:
            cleaned = strip_image_metadata(instance.file)
        except UnreadableImageError as error:
            raise ValidationError({"file": error.message}) from error
        if cleaned is not None:
            instance.file = cleaned
            instance.file_size = cleaned.size
            instance.file_hash = hash_filelike(io.BytesIO(cleaned.read()))
            cleaned.seek(0)
    elif instance.pk and not new_file:
        stored = type(instance).objects.filter(pk=instance.pk).values_list("file", flat=True)
        if stored and stored[0] != instance.file.name:
            message = replacement_refusal(instance)
            if message:
                raise ValidationError({"file": message})


def file_problems(page, latest):
    """Attached files whose bytes on disk no longer match the hash in the latest version."""
    recorded = {a.get("title"): a.get("file_hash") for a in latest.content.get("attachments") or []}
    problems = []
    for attachment in page.attachments.select_related("document"):
        document = attachment.document
        try:
            with document.open_file() as handle:
                actual = hash_filelike(handle)
        except OSError:
            problems.append(f"原件《{attachment.label}》的文件已不存在")
            continue
        expected = recorded.get(attachment.label)
        if expected and actual != expected:
            problems.append(
                f"原件《{attachment.label}》的文件与第 {latest.number} 版记录的哈希不符，文件被替换"
            )
    return problems
