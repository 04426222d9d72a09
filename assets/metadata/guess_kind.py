"""Which kind of asset a file most likely is, pre-selected in the form (the editor may change it).

Images: a photo has many colours with smooth transitions; an infographic, illustration or poster is
drawn: large areas of a few flat colours, and text, which shows as many sharp light/dark steps.
Measured on a copy at most 384 pixels wide:
- `flat`: the share of pixels in the eight most common colours (each channel cut to 16 levels);
- `sharp`: the share of horizontal neighbour pairs whose brightness differs by more than 64 of 255.
A drawn image (flat >= 0.6 and sharp >= 0.01) that is tall (height >= 1.5 x width, the long
scroll of an infographic) is an infographic, otherwise an illustration; an SVG is drawn by nature.
A camera's capture date, or anything not drawn, keeps the photo default. A photo of a night
sky with lit windows could pass for drawn: it is a guess the editor sees and may change.

Documents: a PDF whose first page is landscape (wider than 1.2 x its height) is a slide deck.
Audio: a podcast from 5 minutes on, shorter audio is audio (never the model's "video" default).
Video keeps its default: length alone does not tell a clip from a motion graphic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

import numpy
from PIL import Image, UnidentifiedImageError

SAMPLE_WIDTH = 384
FLAT_SHARE = 0.6
SHARP_SHARE = 0.01
SHARP_STEP = 64
TALL_RATIO = 1.5
SLIDE_RATIO = 1.2
PODCAST_SECONDS = 5 * 60


@dataclass(frozen=True)
class ImageTraits:
    ratio: float  # height / width
    flat: float
    sharp: float

    @property
    def drawn(self) -> bool:
        return self.flat >= FLAT_SHARE and self.sharp >= SHARP_SHARE


def image_traits(file: BinaryIO) -> ImageTraits | None:
    """None when the file cannot be read as a raster image."""
    try:
        with Image.open(file) as image:
            image.draft("RGB", (SAMPLE_WIDTH * 2, SAMPLE_WIDTH * 8))
            sample = _on_white(image)
            sample.thumbnail((SAMPLE_WIDTH, SAMPLE_WIDTH * 8))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        file.seek(0)
    pixels = numpy.asarray(sample, dtype=numpy.int16)
    width, height = sample.size
    return ImageTraits(ratio=height / max(width, 1), flat=_flat(pixels), sharp=_sharp(pixels))


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def _flat(pixels: numpy.ndarray) -> float:
    levels = (pixels >> 4).reshape(-1, 3)
    codes = (levels[:, 0] << 8) | (levels[:, 1] << 4) | levels[:, 2]
    counts = numpy.bincount(codes, minlength=4096)
    return float(numpy.sort(counts)[-8:].sum() / max(codes.size, 1))


def _sharp(pixels: numpy.ndarray) -> float:
    brightness = pixels @ numpy.array([299, 587, 114], dtype=numpy.int32) // 1000
    steps = numpy.abs(numpy.diff(brightness, axis=1))
    return float((steps > SHARP_STEP).mean()) if steps.size else 0.0


def guess_image_kind(file: BinaryIO, family: str, taken_by_camera: bool) -> str | None:
    if family == "svg":
        return "illustration"
    if taken_by_camera:
        return None
    traits = image_traits(file)
    if traits is None or not traits.drawn:
        return None
    return "infographic" if traits.ratio >= TALL_RATIO else "illustration"


def guess_document_kind(first_page_ratio: float | None) -> str | None:
    """`first_page_ratio`: width / height of the first page."""
    if first_page_ratio is not None and first_page_ratio >= SLIDE_RATIO:
        return "slides"
    return None


def guess_media_kind(family: str, duration: float | None) -> str | None:
    if family == "audio":
        return "podcast" if (duration or 0) >= PODCAST_SECONDS else "audio"
    return None
