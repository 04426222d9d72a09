"""Responsive pictures: a set of widths with `srcset`, so a phone never downloads a desktop image.

Library images use Wagtail renditions; video posters and document previews use the worker's
images, scaled down once (derived.py). Every URL goes through the access-checked file view.
"""

from dataclasses import dataclass

from .derived import thumbnail
from .files import file_url

# 16:9 crops for cards; the widths a card needs from a phone (1x, 2x) to a desktop grid.
CARD_SPECS = ("fill-320x180|format-webp", "fill-480x270|format-webp", "fill-720x405|format-webp")
# Whole pictures for an asset page, never wider than the original (Wagtail does not upscale).
PAGE_SPECS = ("width-480|format-webp", "width-800|format-webp", "width-1200|format-webp")
ZOOM_SPEC = "width-2400|format-webp"
# An article's lead picture: a 16:9 band (a tall infographic shows its top), phone to desktop.
LEAD_SPECS = ("fill-480x270|format-webp", "fill-800x450|format-webp", "fill-1200x675|format-webp")
TALL_RATIO = 1.6  # height over width beyond which a picture counts as a tall infographic
CARD_SIZES = "(min-width: 1200px) 270px, (min-width: 768px) 30vw, (min-width: 576px) 45vw, 92vw"


@dataclass(frozen=True)
class Thumb:
    src: str
    srcset: str
    width: int
    height: int
    alt: str = ""
    sizes: str = CARD_SIZES


def from_renditions(renditions, alt: str, sizes: str = CARD_SIZES) -> Thumb | None:
    """A Thumb from Wagtail renditions of one image, smallest first."""
    ordered = sorted((r for r in renditions if r is not None), key=lambda r: r.width)
    if not ordered:
        return None
    middle = ordered[len(ordered) // 2]
    return Thumb(
        src=file_url(middle.file.name),
        srcset=", ".join(f"{file_url(r.file.name)} {r.width}w" for r in ordered),
        width=middle.width,
        height=middle.height,
        alt=alt,
        sizes=sizes,
    )


def _top_of_tall_image(image) -> None:
    """Cards of a tall infographic show its top (the title), unless an editor set a focal point.
    Only the instance in memory changes; renditions are keyed by the focal point."""
    if image.focal_point_width or image.height <= image.width * TALL_RATIO:
        return
    image.focal_point_x, image.focal_point_y = image.width // 2, image.width * 9 // 32
    image.focal_point_width = image.focal_point_height = 1


def image_thumb(image, specs=CARD_SPECS, alt: str = "", sizes: str = CARD_SIZES) -> Thumb | None:
    """Renditions of a library image (made on first use; prefetch them for lists)."""
    if image.is_svg():  # vector: one file at any width, served by the access-checked view
        url = file_url(image.file.name)
        width, height = image.width or 800, image.height or 600
        return Thumb(url, f"{url} {width}w", width, height, alt or image.default_alt_text, sizes)
    if all(spec.startswith("fill-") for spec in specs):  # crops: a tall picture shows its top
        _top_of_tall_image(image)
    try:
        renditions = image.get_renditions(*specs)
    except (OSError, ValueError):  # an unreadable original: show no picture rather than fail
        return None
    return from_renditions(renditions.values(), alt or image.default_alt_text, sizes)


def worker_image_thumb(rendition, alt: str = "", width: int = 480, known=()) -> Thumb | None:
    """A poster or page preview made by the worker, scaled down to `width` for cards (`known`:
    scaled names known to exist, derived.recall)."""
    if rendition is None:
        return None
    wide = (rendition.width or 0) > width
    name = thumbnail(rendition, width, known) if wide else rendition.file.name
    if not name:
        return None
    ratio = (rendition.height or 9) / (rendition.width or 16)
    shown = min(width, rendition.width or width)
    url = file_url(name)
    return Thumb(
        src=url, srcset=f"{url} {shown}w", width=shown, height=round(shown * ratio), alt=alt
    )
