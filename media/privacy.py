"""Strip location and device metadata from uploaded photos, applying their orientation.

Photos from phones carry EXIF data: GPS position, camera make and model, serial numbers,
sometimes the owner's name. None of it may reach the public site, so every original is
re-encoded without metadata before it is stored. The EXIF orientation is applied to the
pixels first, so the picture still shows the right way up. HEIC/HEIF photos are
converted to JPEG, which every browser can show.
"""

import io
from dataclasses import dataclass
from pathlib import PurePath

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

pillow_heif.register_heif_opener()

JPEG_QUALITY = 92
WEBP_QUALITY = 90
AVIF_QUALITY = 80

# Keys of Image.info that carry metadata other than the colour profile.
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "adobe")


# How each format the site re-encodes starts (offset, bytes): the content decides, never the
# file's name (a JPEG named 报告.pdf keeps its GPS position otherwise).
SIGNATURES = (
    (0, b"\xff\xd8\xff"),  # JPEG
    (0, b"\x89PNG\r\n\x1a\n"),  # PNG
    (8, b"WEBP"),  # RIFF....WEBP
    (4, b"ftypavif"),
    (4, b"ftypavis"),
    (4, b"ftypheic"),
    (4, b"ftypheix"),
    (4, b"ftypheif"),
    (4, b"ftypmif1"),
    (4, b"ftypmsf1"),
)


def looks_like_image(data):
    """True when ``data`` starts like a JPEG, PNG, WebP, AVIF or HEIF image."""
    head = bytes(data[:16])
    return any(head[offset : offset + len(magic)] == magic for offset, magic in SIGNATURES)


class UnreadableImageError(ValueError):
    """The file could not be decoded completely as an image."""

    message = "无法读取该图片：文件已损坏、不完整或不是受支持的图片格式。"

    def __str__(self):
        return self.message


@dataclass
class CleanImage:
    """A re-encoded image without metadata, and the file name to store it under."""

    content: bytes
    name: str


def _open(data):
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UnreadableImageError() from exc
    except Image.DecompressionBombError as exc:
        raise UnreadableImageError() from exc
    return image


def has_metadata(image):
    """Whether the image carries EXIF, XMP, IPTC or text metadata worth removing."""
    if len(image.getexif()):
        return True
    if any(image.info.get(key) for key in METADATA_KEYS):
        return True
    return bool(getattr(image, "text", None)) if image.format == "PNG" else False


def _encode(image, fmt):
    """Encode `image` in `fmt` with no metadata except its colour profile."""
    icc = image.info.get("icc_profile")
    frames = getattr(image, "n_frames", 1)
    params = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        params.update(quality=JPEG_QUALITY, optimize=True)
    elif fmt == "WEBP":
        params.update(quality=WEBP_QUALITY)
        if frames > 1:
            params.update(save_all=True)
    elif fmt == "AVIF":
        params.update(quality=AVIF_QUALITY)
    elif fmt == "PNG":
        params.update(optimize=True)
    image.info = {"icc_profile": icc} if icc else {}
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def clean_image(data, name):
    """A metadata-free, upright version of an uploaded image, or None if it is clean already.

    Raises UnreadableImageError for files that cannot be decoded completely.
    """
    image = _open(data)
    fmt = image.format
    path = PurePath(name)
    if fmt in ("HEIF", "HEIC"):
        upright = ImageOps.exif_transpose(image)
        return CleanImage(_encode(upright, "JPEG"), f"{path.stem}.jpg")
    if fmt == "GIF":
        return None  # GIF has no EXIF block; re-encoding would lose animation and palette
    if fmt not in ("JPEG", "PNG", "WEBP", "AVIF"):
        return None
    if not has_metadata(image):
        return None
    upright = ImageOps.exif_transpose(image) if getattr(image, "n_frames", 1) == 1 else image
    return CleanImage(_encode(upright, fmt), path.name)
