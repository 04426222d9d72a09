"""Small images made once from the worker's posters and page previews: card thumbnails that a
phone can afford and the 1200x630 picture that link previews (Open Graph) expect.

They are stored next to their source, under the asset's renditions prefix, so the file view's
access check applies to them as to the source; the cache remembers which ones exist.
"""

import io
import posixpath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

OPEN_GRAPH_SIZE = (1200, 630)
JPEG_QUALITY = 82


def derived_name(source: str, size_bytes: int, label: str) -> str:
    folder, filename = posixpath.split(source)
    stem = posixpath.splitext(filename)[0]
    return f"{folder}/{stem}.{size_bytes}.{label}.jpg"


def _make(source: str, target: str, shape) -> None:
    with default_storage.open(source, "rb") as handle, Image.open(handle) as image:
        width, height = shape
        if not height:
            width = min(width, image.width)
            height = max(1, round(image.height * width / image.width))
        image.draft("RGB", (width, height))  # JPEG decodes at a reduced scale: much faster
        picture = ImageOps.fit(image.convert("RGB"), (width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    if default_storage.exists(target):
        default_storage.delete(target)
    default_storage.save(target, ContentFile(buffer.getvalue()))


def derived(rendition, label: str, shape: tuple[int, int]) -> str:
    """Stored name of `rendition` resized to `shape` (width, 0 keeps the aspect ratio) or
    cropped to fill it; made on first use. Empty when the source cannot be read."""
    name = derived_name(rendition.file.name, rendition.size, label)
    cache_key = f"hub:derived:{name}"
    if cache.get(cache_key):
        return name
    if not default_storage.exists(name):
        try:
            _make(rendition.file.name, name, shape)
        except (OSError, ValueError):
            return ""
    cache.set(cache_key, True, None)
    return name


def thumbnail(rendition, width: int = 480) -> str:
    return derived(rendition, f"w{width}", (width, 0))


def open_graph(rendition) -> str:
    return derived(rendition, "og", OPEN_GRAPH_SIZE)
