"""A small grey-level thumbnail kept with the fingerprint, to verify a candidate after alignment.

Local features say where two pictures overlap; comparing PDQ hashes of exactly that overlap in
both thumbnails then tells a copy (same pixels, re-encoded) from a near miss (same layout,
different text and figures).
"""

import base64
import io

from PIL import Image

THUMBNAIL_SIDE = 256


def make_thumbnail(image: Image.Image, side: int = THUMBNAIL_SIDE) -> Image.Image:
    thumbnail = image.convert("L")
    thumbnail.thumbnail((side, side), Image.Resampling.LANCZOS)
    return thumbnail


def thumbnail_to_text(thumbnail: Image.Image) -> str:
    buffer = io.BytesIO()
    thumbnail.save(buffer, format="PNG")  # optimize=True: 5% smaller, ten times the time
    return base64.b64encode(buffer.getvalue()).decode()


def thumbnail_from_text(text: str) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(text))).convert("L")
