"""PDQ, the 256-bit perceptual hash published by Meta, as 64 hexadecimal characters."""

import numpy as np
import pdqhash
from PIL import Image

WORKING_SIZE = 512  # PDQ reduces to 64x64 anyway; a smaller input only saves time


def pdq_of(image: Image.Image) -> tuple[str, int]:
    """(hash as hex, quality 0-100) of a PIL image; quality under ~50 means a flat image."""
    rgb = image.convert("RGB")
    if max(rgb.size) > WORKING_SIZE:
        rgb = rgb.copy()
        rgb.thumbnail((WORKING_SIZE, WORKING_SIZE), Image.Resampling.BILINEAR)
    bits, quality = pdqhash.compute(np.ascontiguousarray(np.asarray(rgb)))
    return np.packbits(bits.astype(np.uint8)).tobytes().hex(), int(quality)
