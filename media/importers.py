"""Import record type `photo_feature`, and photos for any record that carries them."""

import hashlib
import io
from pathlib import Path

from django.core.files.images import ImageFile

from importing import RecordType, register
from importing.pages import attribution_fields, ensure_index, lookup, remember, save_page
from importing.records import check_date, check_string_list

from .models import CreditedImage, PhotoFeatureIndexPage, PhotoFeaturePage, PhotoFeaturePhoto
from .privacy import UnreadableImageError, clean_image

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif"}


def check_photo(photo, base_dir, where, require_credit=False):
    """Problems with one photo object of a record (a photo feature's photos each need a credit)."""
    if not isinstance(photo, dict):
        return [f"{where} 应为对象"]
    problems = []
    if not (isinstance(photo.get("alt"), str) and photo["alt"].strip()):
        problems.append(f"{where} 缺少替代文字 alt")
    file = photo.get("file")
    if file:
        path = (base_dir / file).resolve()
        if Path(file).is_absolute() or ".." in Path(file).parts:
            problems.append(f"{where} 的 file 必须是相对路径")
        elif path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
            problems.append(f"{where} 的图片文件不存在或格式不支持：{file}")
        else:
            try:
                clean_image(path.read_bytes(), path.name)
            except UnreadableImageError:
                problems.append(f"{where} 的图片文件已损坏或无法读取：{file}")
    elif photo.get("placeholder") is not True:
        problems.append(f"{where} 需要 file 或 placeholder: true")
    for key in ("caption", "credit", "place"):
        if photo.get(key) is not None and not isinstance(photo.get(key), str):
            problems.append(f"{where} 的 {key} 应为字符串")
    if require_credit and not (isinstance(photo.get("credit"), str) and photo["credit"].strip()):
        problems.append(f"{where} 缺少摄影者 credit：图片报道的每张图片都要有自己的署名")
    problems += [f"{where} {p}" for p in check_date(photo, "date_taken")]
    return problems


def photo_image(photo, base_dir, source_id, title):
    """The library image for a photo object, created once and updated on re-import."""
    from importing.placeholders import placeholder_jpeg

    image = lookup(source_id)
    if photo.get("file"):
        content = (base_dir / photo["file"]).read_bytes()
        name = Path(photo["file"]).name
    else:
        content = placeholder_jpeg()
        name = f"placeholder-{hashlib.sha256(source_id.encode()).hexdigest()[:10]}.jpg"
    if image is None:
        image = CreditedImage(title=title[:255], file=ImageFile(io.BytesIO(content), name=name))
    image.title = title[:255]
    image.alt_text = photo["alt"].strip()
    image.caption = (photo.get("caption") or "").strip()
    image.credit = (photo.get("credit") or "").strip()
    image.place = (photo.get("place") or "").strip()
    image.date_taken = photo.get("date_taken") or None
    image.save()
    remember(source_id, image)
    return image


@register
class PhotoFeatureRecord(RecordType):
    name = "photo_feature"
    order = 50
    required_fields = ("title", "date")

    def validate(self, record, batch):
        photos = record.get("photos")
        if not isinstance(photos, list) or not photos:
            return ["photos 应为至少包含一张图片的列表"]
        problems = check_string_list(record, "tags")
        for n, photo in enumerate(photos, start=1):
            problems += check_photo(
                photo, record.base_dir, f"photos 第 {n} 项", require_credit=True
            )
        return problems

    def save(self, record, batch):
        parent = ensure_index(PhotoFeatureIndexPage, "photos", "图片报道")
        fields = {
            **attribution_fields(record),
            "place": record.text("place"),
            "text": record.text("body"),
        }

        def set_photos(page):
            page.tags.set([name.strip() for name in record.get("tags") or []])
            page.photos = [
                PhotoFeaturePhoto(
                    image=photo_image(
                        photo, record.base_dir, f"{record.id}/photos/{n}", record.text("title")
                    ),
                    caption=(photo.get("caption") or "").strip(),
                )
                for n, photo in enumerate(record.get("photos"), start=1)
            ]

        return save_page(record, PhotoFeaturePage, parent, fields, batch, prepare=set_photos)
