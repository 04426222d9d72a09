"""Pictures with real texture for the duplicate tests: flat colours have no perceptual content."""

import io

import numpy as np
from PIL import Image, ImageDraw, ImageOps


def scene(seed: int, size=(480, 360)) -> Image.Image:
    """Smooth random terrain with a few shapes: every seed gives a clearly different picture."""
    rng = np.random.default_rng(seed)
    width, height = size
    field = np.zeros((height, width))
    for octave in range(1, 8):
        cells = rng.random((2**octave + 2, 2**octave + 2))
        layer = Image.fromarray((cells * 255).astype(np.uint8)).resize(size, Image.BICUBIC)
        field += np.asarray(layer, dtype=float) / octave
    field = (field - field.min()) / (field.max() - field.min())
    palette = rng.random((2, 3)) * 200 + 30
    pixels = field[..., None] * palette[0] + (1 - field[..., None]) * palette[1]
    image = Image.fromarray(pixels.astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(25):
        x, y, r = (
            int(v) for v in (rng.integers(0, width), rng.integers(0, height), rng.integers(15, 50))
        )
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=tuple(int(c) for c in rng.integers(0, 255, 3))
        )
    return image


def encoded(image: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def cropped(image: Image.Image, share: float = 0.08) -> Image.Image:
    width, height = image.size
    return image.crop((int(width * share), int(height * share / 2), width, height))


def bordered(image: Image.Image) -> Image.Image:
    return ImageOps.expand(image, border=30, fill=(255, 255, 255))
