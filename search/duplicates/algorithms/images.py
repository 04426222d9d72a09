"""Perceptual fingerprint of a still image: global PDQ hashes, local features and a thumbnail.

A global hash survives resizing, recompression, brightness and contrast changes and small
watermarks, but not crops, borders or screenshots. Mirroring a picture (a common way to dodge a
duplicate check) or turning it by quarter turns permutes the hash's frequencies: the hashes of the
seven turned versions are kept too, and searched for among the plain hashes of the library.
A recoloured copy (hues turned, saturation changed) moves the grey levels the hash sees, but not
each pixel's HSV value, the brightest of its red, green and blue: a second hash of that channel
finds it. The PDQ of the content box (the picture without its frame) covers borders and plain
canvases; the PDQ of a screen or a page seen at an angle, brought back to a rectangle, covers a
photo of a screen (`quads`); ORB local features find the picture inside a crop or a screenshot.
The thumbnail lets the verifier compare exactly the overlapping region (see `alignment`).
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageChops, ImageOps

from .local import LocalFeatures, local_features
from .pdq import pdq_dihedral, pdq_of
from .quads import quad_hashes
from .regions import content_box
from .thumbnail import make_thumbnail, thumbnail_from_text, thumbnail_to_text

ANALYSIS_SIZE = 768
TURNED = "turned-"  # names of the hashes of the picture mirrored or turned by quarter turns
QUAD = "quad-"  # names of the hashes of pictures shown at an angle inside the image (`quads`)


@dataclass
class ImageFingerprint:
    """PDQ hashes by name ("full"; "value", of the HSV value channel; "content" when a frame was
    found; "turned-1" to "turned-7", of the whole picture mirrored or turned), features,
    thumbnail."""

    hashes: dict[str, str]
    quality: int
    features: LocalFeatures
    thumbnail: Image.Image = field(repr=False)

    def to_json(self) -> dict:
        return {
            "hashes": dict(self.hashes),
            "quality": self.quality,
            "features": self.features.to_json(),
            "thumbnail": thumbnail_to_text(self.thumbnail),
        }

    @classmethod
    def from_json(cls, data: dict) -> "ImageFingerprint":
        return cls(
            hashes=dict(data["hashes"]),
            quality=int(data["quality"]),
            features=LocalFeatures.from_json(data["features"]),
            thumbnail=thumbnail_from_text(data["thumbnail"]),
        )


def load_for_analysis(source: str | Path | BinaryIO | Image.Image) -> Image.Image:
    """RGB, upright (EXIF orientation applied), transparent areas on white, at most 768 px."""
    image = source if isinstance(source, Image.Image) else Image.open(source)
    # A JPEG decodes straight to a quarter or an eighth of its size (DCT scaling) when that is
    # still at least the analysis size: a 12-megapixel photo in a third of the time.
    image.draft("RGB", fitted(image.size, ANALYSIS_SIZE))
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        canvas = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(canvas, image)
    image = image.convert("RGB")
    image.thumbnail((ANALYSIS_SIZE, ANALYSIS_SIZE), Image.Resampling.BILINEAR)
    return image


def fitted(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """`size` scaled down to fit a `longest`-pixel square (unchanged if it fits already)."""
    scale = min(1.0, longest / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def value_channel(image: Image.Image) -> Image.Image:
    """The HSV value (max of R, G, B) as a grey image: turning hues and changing saturation keep
    it, and a change of brightness or contrast moves it no more than the grey levels."""
    red, green, blue = image.convert("RGB").split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)


def image_fingerprint(source: str | Path | BinaryIO | Image.Image) -> ImageFingerprint:
    image = load_for_analysis(source)
    (full_hash, *turned), quality = pdq_dihedral(image)
    hashes = {"full": full_hash, "value": pdq_of(value_channel(image))[0]}
    hashes |= {f"{TURNED}{number}": pdq for number, pdq in enumerate(turned, start=1)}
    box = content_box(image)
    if box is not None:
        hashes["content"] = pdq_of(image.crop(box))[0]
    hashes |= {f"{QUAD}{number}": pdq for number, pdq in enumerate(quad_hashes(image), start=1)}
    return ImageFingerprint(hashes, quality, local_features(image), make_thumbnail(image))
