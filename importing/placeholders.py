"""Neutral placeholder photos for demo content that has captions but no image files.

The label 示例图片 ("sample image") comes from a small committed PNG mask
(data/placeholder-label.png, rendered once from WenQuanYi Micro Hei), so no CJK
font is needed at run time.
"""

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw

LABEL_MASK = Path(__file__).parent / "data" / "placeholder-label.png"

BACKGROUND = (221, 219, 213)
STRIPE = (212, 210, 204)
INK = (98, 96, 91)
MAX_SIDE = 4000


@lru_cache(maxsize=1)
def _label_mask():
    with Image.open(LABEL_MASK) as mask:
        return mask.convert("L")


def _draw_picture_glyph(draw, centre_x, top, size):
    """A simple outlined 'photo' glyph: a frame with a sun and two hills."""
    left, right = centre_x - size, centre_x + size
    bottom = top + int(size * 1.4)
    width = max(1, size // 12)
    draw.rectangle([left, top, right, bottom], outline=INK, width=width)
    sun = size // 5
    draw.ellipse([right - 3 * sun, top + sun, right - sun, top + 3 * sun], outline=INK, width=width)
    base = bottom - width
    draw.line(
        [
            (left + width, base),
            (left + size * 0.7, top + size * 0.6),
            (centre_x + size * 0.1, base - size * 0.3),
            (centre_x + size * 0.5, top + size * 0.8),
            (right - width, base),
        ],
        fill=INK,
        width=width,
        joint="curve",
    )
    return bottom


def placeholder_image(width=1200, height=800):
    """A plain, clearly labelled grey RGB image of the given size."""
    if not (isinstance(width, int) and isinstance(height, int)):
        raise TypeError("width and height must be integers")
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise ValueError(f"placeholder size must be between 1 and {MAX_SIDE} pixels a side")
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    step = max(8, min(width, height) // 20)
    for offset in range(-height, width, step * 2):
        draw.line([(offset, height), (offset + height, 0)], fill=STRIPE, width=max(1, step // 3))

    mask = _label_mask()
    scale = min(width * 0.45 / mask.width, height * 0.16 / mask.height)
    label_size = (max(1, round(mask.width * scale)), max(1, round(mask.height * scale)))
    label = mask.resize(label_size, Image.Resampling.LANCZOS)
    glyph = min(width, height) // 8
    gap = glyph // 3
    block_height = int(glyph * 1.4) + gap + label.height
    top = (height - block_height) // 2
    bottom = _draw_picture_glyph(draw, width // 2, top, glyph) if glyph >= 8 else top - gap
    image.paste(INK, ((width - label.width) // 2, bottom + gap), label)
    return image


def placeholder_jpeg(width=1200, height=800, quality=82):
    """The placeholder image as JPEG bytes."""
    buffer = io.BytesIO()
    placeholder_image(width, height).save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
