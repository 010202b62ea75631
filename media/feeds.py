"""RSS 2.0 and Atom feeds of the photo features (``/feeds/photos.rss``, ``.atom``)."""

from listings.feeds import PageFeed, atom


class PhotoFeatureFeed(PageFeed):
    section = "图片报道"
    description = "图片报道，均注明摄影者"
    index_slug = "photos"

    @property
    def model(self):
        from media.models import PhotoFeaturePage

        return PhotoFeaturePage

    def item_author_name(self, item):
        names = item.photographers()
        return "、".join(f"{name} 摄" for name in names) or None


PhotoFeatureAtomFeed = atom(PhotoFeatureFeed)
