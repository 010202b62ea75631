"""The photo library with credits, and photo feature pages."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.attribution import AttributedPage


class CreditedImage(AbstractImage):
    """An image that always knows its alt text and its photographer."""

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
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = "图片"
        verbose_name_plural = "图片"

    @property
    def credit_line(self):
        return f"{self.credit} 摄" if self.credit else ""


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PhotoFeatureIndexPage(Page):
    intro = models.TextField("简介", blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["media.PhotoFeaturePage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = "图片报道列表"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = (
            PhotoFeaturePage.objects.child_of(self).live().public().order_by("-date", "-pk")
        )
        return context


class PhotoFeaturePage(AttributedPage, Page):
    """图片报道: one or more credited photos with a short text."""

    place = models.CharField("地点", max_length=200, blank=True)
    text = models.TextField("文字说明", blank=True)

    content_panels = (
        Page.content_panels
        + AttributedPage.attribution_panels
        + [FieldPanel("place"), FieldPanel("text"), InlinePanel("photos", label="图片", min_num=1)]
    )
    search_fields = Page.search_fields + [
        index.SearchField("text"),
        index.SearchField("place"),
        index.FilterField("date"),
    ]
    parent_page_types = ["media.PhotoFeatureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "图片报道"
        verbose_name_plural = "图片报道"

    @property
    def first_photo(self):
        first = self.photos.first()
        return first.image if first else None


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
