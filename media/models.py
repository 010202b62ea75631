"""The photo library with credits, and photo feature pages."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.db import models
from django.urls import reverse
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.attribution import AttributedPage
from listings.paging import page_of

from .api import PhotoListField
from .page_forms import PhotoFeatureForm
from .privacy import UnreadableImageError, clean_image

PHOTOS_PER_PAGE = 12


class CreditedImage(AbstractImage):
    """An image that always knows its alt text and its photographer.

    Every new original is stored without GPS, device or other EXIF metadata, turned
    upright by its EXIF orientation (see media.privacy).
    """

    alt_text = models.CharField("替代文字", max_length=255, help_text="为看不到图片的读者描述画面")
    caption = models.CharField("图片说明", max_length=500, blank=True)
    credit = models.CharField("摄影", max_length=100, blank=True, help_text="摄影者姓名")
    date_taken = models.DateField("拍摄日期", null=True, blank=True)
    place = models.CharField("拍摄地点", max_length=200, blank=True)

    admin_form_fields = Image.admin_form_fields + (
        "alt_text",
        "caption",
        "credit",
        "date_taken",
        "place",
    )
    search_fields = AbstractImage.search_fields + [
        index.SearchField("caption"),
        index.SearchField("credit"),
        index.FilterField("credit"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = "图片"
        verbose_name_plural = "图片"

    @property
    def credit_line(self):
        return f"{self.credit} 摄" if self.credit else ""

    @property
    def photographer_url(self):
        # Keyed by id: a credit such as “新华社/张三” cannot break the route.
        return reverse("media:photographer", args=[self.pk]) if self.credit and self.pk else ""

    @property
    def default_alt_text(self):
        return self.alt_text

    def clean(self):
        """Refuse a new file that cannot be decoded completely, before anything is stored."""
        super().clean()
        if not self.file or not self._file_is_new():
            return
        try:
            self.file.open("rb")
            self.file.seek(0)
            clean_image(self.file.read(), os.path.basename(self.file.name))
        except UnreadableImageError as exc:
            raise ValidationError({"file": str(exc)}) from exc
        finally:
            self.file.seek(0)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        file_saved = update_fields is None or "file" in update_fields
        if self.file and file_saved and self._file_is_new():
            self.strip_metadata()
        super().save(*args, **kwargs)

    def _file_is_new(self):
        if self.pk is None:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        return stored != self.file.name

    def strip_metadata(self):
        """Replace the file by an upright copy without metadata, before it is kept."""
        self.file.open("rb")
        self.file.seek(0)
        data = self.file.read()
        cleaned = clean_image(data, os.path.basename(self.file.name))
        self.file.seek(0)
        if cleaned is None:
            return
        old_name, was_stored, storage = self.file.name, self.file._committed, self.file.storage
        self.file.save(cleaned.name, ContentFile(cleaned.content, name=cleaned.name), save=False)
        if was_stored and old_name != self.file.name:
            storage.delete(old_name)
        self._set_image_file_metadata()


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PhotoFeatureIndexPage(Page):
    intro = models.TextField("简介", blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["media.PhotoFeaturePage"]
    parent_page_types = [settings.HOME_PAGE_MODEL]
    gov_column_type = "图片新闻"
    gov_column_keywords = "图片报道,摄影,社区"
    gov_freshness = "news"
    api_fields = [APIField("intro")]
    schema_org_type = "CollectionPage"

    class Meta:
        verbose_name = "图片报道列表"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        features = (
            PhotoFeaturePage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("photos__image")
        )
        context["items"], context["notes"] = page_of(
            Paginator(features.order_by("-date", "-pk"), PHOTOS_PER_PAGE), request.GET.get("page")
        )
        return context


class PhotoFeatureTag(TaggedItemBase):
    content_object = ParentalKey(
        "media.PhotoFeaturePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PhotoFeaturePage(AttributedPage, Page):
    """图片报道: one or more credited photos with a short text."""

    place = models.CharField("地点", max_length=200, blank=True)
    text = models.TextField("文字说明", blank=True)
    tags = ClusterTaggableManager(through=PhotoFeatureTag, blank=True, verbose_name="标签")

    content_panels = (
        Page.content_panels
        + AttributedPage.attribution_panels
        + [
            FieldPanel("place"),
            FieldPanel("text"),
            InlinePanel("photos", label="图片", min_num=1),
            FieldPanel("tags"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("text"),
        index.SearchField("place"),
        index.FilterField("date"),
    ]
    parent_page_types = ["media.PhotoFeatureIndexPage"]
    subpage_types = []
    base_form_class = PhotoFeatureForm
    api_fields = AttributedPage.attribution_api_fields + [
        APIField("place"),
        APIField("text"),
        APIField("tags"),
        APIField("photos", serializer=PhotoListField()),
    ]
    schema_org_type = "ImageGallery"

    class Meta:
        verbose_name = "图片报道"
        verbose_name_plural = "图片报道"

    def photos_with_images(self):
        """The photos with their images: from a listing's prefetch_related("photos__image")
        when there is one, else in one query."""
        if "photos" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.photos.all())
        return list(self.photos.select_related("image"))

    @property
    def first_photo(self):
        photos = self.photos_with_images()
        return photos[0].image if photos else None

    @property
    def teaser(self):
        return self.search_description or self.text[:110]

    def photographers(self):
        names = [p.image.credit for p in self.photos_with_images() if p.image.credit]
        return list(dict.fromkeys(names))

    def photographer_links(self):
        """(name, URL of their page) for each photographer of this feature."""
        links = {}
        for photo in self.photos_with_images():
            if photo.image.credit and photo.image.credit not in links:
                links[photo.image.credit] = photo.image.photographer_url
        return list(links.items())

    def related_pages(self, limit=4):
        """Other photo features by the same photographers, then the latest."""
        others = PhotoFeaturePage.objects.live().public().exclude(pk=self.pk).order_by("-date")
        found = list(others.filter(photos__image__credit__in=self.photographers()).distinct())
        found = found[:limit]
        if len(found) < limit:
            found += list(others.exclude(pk__in=[p.pk for p in found])[: limit - len(found)])
        return found


class PhotoFeaturePhoto(Orderable):
    page = ParentalKey(PhotoFeaturePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        CreditedImage, on_delete=models.PROTECT, related_name="+", verbose_name="图片"
    )
    caption = models.CharField("说明", max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "图片"

    @property
    def display_caption(self):
        return self.caption or self.image.caption
