"""Responsive pictures: AVIF (when Pillow supports it), WebP and JPEG renditions with srcset."""

from django import template
from django.utils.safestring import mark_safe
from PIL import features
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found

register = template.Library()

DEFAULT_SIZES = "(max-width: 48rem) 100vw, 48rem"


def picture_formats():
    """The rendition formats offered to browsers, best first; JPEG is the fallback."""
    return ["avif", "webp", "jpeg"] if features.check("avif") else ["webp", "jpeg"]


def filter_specs(widths, ratio=""):
    """Wagtail filter specs for every width and format; `ratio` like "16x9" crops around
    the image's focal point."""
    specs = []
    for fmt in picture_formats():
        for width in widths:
            if ratio:
                w, h = (int(n) for n in ratio.split("x"))
                operation = f"fill-{width}x{width * h // w}-c100"
            else:
                operation = f"width-{width}"
            specs.append(f"{operation}|format-{fmt}")
    return specs


@register.simple_tag
def responsive_picture(
    image, widths="480,800,1200", sizes=DEFAULT_SIZES, ratio="", css_class="", loading="lazy"
):
    """A <picture> with one <source> per modern format and a JPEG <img> fallback."""
    if not image:
        return ""
    width_list = [int(w) for w in str(widths).split(",") if w.strip()]
    renditions = get_renditions_or_not_found(
        image, [Filter(spec=spec) for spec in filter_specs(width_list, ratio)]
    )
    attrs = {"alt": image.alt_text, "sizes": sizes, "loading": loading, "decoding": "async"}
    if css_class:
        attrs["class"] = css_class
    return mark_safe(Picture(renditions, attrs).__html__())  # noqa: S308 - attrs escaped by Wagtail


@register.simple_tag
def rendition_img(image, spec, alt=""):
    """``{% image image spec alt=… %}`` without the cache write Wagtail's get_rendition makes
    on every call: renditions prefetched with the image (``renditions_prefetch``) are read
    from the prefetch, others once from the cache or the database."""
    if not image:
        return ""
    if "renditions" in getattr(image, "_prefetched_objects_cache", {}):
        rendition = get_renditions_or_not_found(image, [Filter(spec=spec)])[spec]
    else:
        rendition = get_rendition_or_not_found(image, Filter(spec=spec))
    return rendition.img_tag({"alt": alt})
