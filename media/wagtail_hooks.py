"""The photo features section of the home page."""

from wagtail import hooks

from media.models import PhotoFeaturePage

HOME_COUNT = 4


@hooks.register("register_home_sections")
def latest_photos(home):
    pages = PhotoFeaturePage.objects.live().public().order_by("-date", "-pk")[:HOME_COUNT]
    return {"latest_photos": pages.prefetch_related("photos__image")}
