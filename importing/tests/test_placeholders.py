"""Placeholder photos: neutral, the requested size, visibly labelled, with no font needed."""

import io

import pytest
from PIL import Image

from importing.placeholders import BACKGROUND, LABEL_MASK, placeholder_image, placeholder_jpeg


def test_label_mask_is_a_small_committed_asset():
    assert LABEL_MASK.is_file() and LABEL_MASK.stat().st_size < 20_000


@pytest.mark.parametrize("size", [(1200, 800), (320, 200), (800, 1200), (16, 16)])
def test_placeholder_has_the_requested_size(size):
    with Image.open(io.BytesIO(placeholder_jpeg(*size))) as image:
        assert image.format == "JPEG" and image.size == size


def test_label_is_drawn_in_the_middle_on_a_neutral_background():
    image = placeholder_image(1200, 800).convert("RGB")
    corner = image.getpixel((2, 2))
    assert max(abs(a - b) for a, b in zip(corner, BACKGROUND, strict=True)) < 20
    band = image.crop((300, 380, 900, 560)).convert("L")
    dark = sum(1 for value in band.getdata() if value < 130)
    assert dark > 2000  # the strokes of 示例图片


@pytest.mark.parametrize("size", [(0, 10), (10, -1), (5000, 10)])
def test_unreasonable_sizes_are_refused(size):
    with pytest.raises(ValueError):
        placeholder_image(*size)
