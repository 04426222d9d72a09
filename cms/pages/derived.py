"""Small images made once from the worker's posters and page previews: card thumbnails that a
phone can afford and the 1200x630 picture that link previews (Open Graph) expect.

They are stored next to their source, under the asset's renditions prefix, so the file view's
access check applies to them as to the source. The shared cache remembers which ones exist;
a list asks it once for all its cards (`recall`) rather than once per card.
"""

import io
import posixpath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

OPEN_GRAPH_SIZE = (1200, 630)
JPEG_QUALITY = 82


def derived_name(source: str, size_bytes: int, label: str, folder: str = "") -> str:
    source_folder, filename = posixpath.split(source)
    stem = posixpath.splitext(filename)[0]
    return f"{folder or source_folder}/{stem}.{size_bytes}.{label}.jpg"


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


def derived(
    source: str, size: int, label: str, shape: tuple[int, int], folder: str = "", known=()
) -> str:
    """Stored name of the file `source` (of `size` bytes) resized to `shape` (width, 0 keeps
    the aspect ratio) or cropped to fill it, in `folder` (the source's by default); made on
    first use (`known`: names already known to exist). Empty when the source cannot be read."""
    name = derived_name(source, size, label, folder)
    if name in known or cache.get(_cache_key(name)):
        return name
    if not default_storage.exists(name):
        try:
            _make(source, name, shape)
        except (OSError, ValueError):
            return ""
    cache.set(_cache_key(name), True, None)
    return name


def _cache_key(name: str) -> str:
    return f"hub:derived:{name}"


def recall(names) -> set[str]:
    """Which of `names` the shared cache knows exist, in one round trip (for a list of cards)."""
    asked = {_cache_key(name): name for name in names if name}
    return {asked[key] for key in cache.get_many(list(asked))} if asked else set()


def thumbnail_name(rendition, width: int = 480) -> str:
    return derived_name(rendition.file.name, rendition.size, f"w{width}")


def thumbnail(rendition, width: int = 480, known=()) -> str:
    """A worker's poster or preview, scaled down for cards."""
    return derived(rendition.file.name, rendition.size, f"w{width}", (width, 0), known=known)


def open_graph(rendition) -> str:
    """A worker's poster or preview, cropped to the link-preview picture."""
    return derived(rendition.file.name, rendition.size, "og", OPEN_GRAPH_SIZE)


def image_open_graph(image) -> str:
    """A library image as the link-preview picture, from a bounded rendition (never decoding a
    huge original twice), stored under the asset's renditions prefix so access checks apply."""
    if image.is_svg():
        return ""
    source = image.get_rendition("max-1600x1600|format-jpeg")
    folder = f"renditions/{image.content_sha256}/hub"
    return derived(source.file.name, 0, "og", OPEN_GRAPH_SIZE, folder)
