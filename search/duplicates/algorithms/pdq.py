"""PDQ, the 256-bit perceptual hash published by Meta, as 64 hexadecimal characters."""

import numpy as np
import pdqhash
from PIL import Image

WORKING_SIZE = 512  # PDQ reduces to 64x64 anyway; a smaller input only saves time


def _pixels(image: Image.Image) -> np.ndarray:
    rgb = image.convert("RGB")
    if max(rgb.size) > WORKING_SIZE:
        rgb = rgb.copy()
        rgb.thumbnail((WORKING_SIZE, WORKING_SIZE), Image.Resampling.BILINEAR)
    return np.ascontiguousarray(np.asarray(rgb))


def _hex(bits: np.ndarray) -> str:
    return np.packbits(bits.astype(np.uint8)).tobytes().hex()


def pdq_of(image: Image.Image) -> tuple[str, int]:
    """(hash as hex, quality 0-100) of a PIL image; quality under ~50 means a flat image."""
    bits, quality = pdqhash.compute(_pixels(image))
    return _hex(bits), int(quality)


def pdq_dihedral(image: Image.Image) -> tuple[list[str], int]:
    """The hashes of the picture as it is (first) and turned or mirrored in the 7 other ways a
    square can be (PDQ computes them from one transform), and the quality."""
    hashes, quality = pdqhash.compute_dihedral(_pixels(image))
    return [_hex(bits) for bits in hashes], int(quality)
