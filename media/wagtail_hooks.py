"""The photo features section of the home page and their section feed."""

from django.db.models import Prefetch
from wagtail import hooks

from media.models import CreditedRendition, PhotoFeaturePage

HOME_COUNT = 4
HOME_THUMBNAIL = "fill-320x200"  # how home/home_page.html shows each feature's first photo


@hooks.register("register_home_sections")
def latest_photos(home):
    pages = PhotoFeaturePage.objects.live().public().order_by("-date", "-pk")[:HOME_COUNT]
    renditions = Prefetch(
        "photos__image__renditions",
        queryset=CreditedRendition.objects.filter(filter_spec=HOME_THUMBNAIL),
    )
    return {"latest_photos": pages.prefetch_related("photos__image", renditions)}


@hooks.register("register_section_feeds")
def section_feeds():
    """The feed media/urls.py serves."""
    return [
        {"name": "photos", "title": "图片报道", "url": "media:feed",
         "pages": ("photofeaturepage", "photofeatureindexpage")},
    ]  # fmt: skip


@hooks.register("register_collection_sources")
def collection_sources():
    """Photo features, for 专题 collections (the specials app)."""
    return [
        {"key": "photo_feature", "label": "图片报道", "model": PhotoFeaturePage, "order": 50,
         "date_fields": ("date",), "tags": "tags__name"},
    ]  # fmt: skip
