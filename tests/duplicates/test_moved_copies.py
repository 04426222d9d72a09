"""Copies that move the picture: mirrored (a common way past a duplicate check), turned a few
degrees (a scan, a phone photo), photographed on a screen at an angle. Each is found, and another
picture moved the same way is not taken for it."""

import numpy as np
import pytest
from PIL import Image, ImageFilter, ImageOps

from bench.dedup_images import perspective_coefficients
from search.duplicates.algorithms.thresholds import DEFAULT_THRESHOLDS as LIMITS
from search.duplicates.modalities import modality
from tests.duplicates.media import infographic, scene, smooth_scene

IMAGES = modality("image")


def fingerprint(image: Image.Image) -> dict:
    return IMAGES.compute(image)


def found(original: Image.Image, copy: Image.Image) -> bool:
    """What the matcher does: the copy's candidate terms meet the original's index terms, then
    the comparison (thorough when only local features brought it) decides."""
    stored, query = fingerprint(original), fingerprint(copy)
    indexed = set(IMAGES.index_terms(stored, LIMITS))
    groups = [g for g in IMAGES.candidate_terms(query, LIMITS)
              if len(indexed & set(g.terms)) >= g.needed]  # fmt: skip
    if not groups:
        return False
    thorough = any(group.weak for group in groups)
    return IMAGES.compare(query, stored, LIMITS, thorough=thorough).same


def turned(image: Image.Image, degrees: float) -> Image.Image:
    return image.rotate(degrees, Image.Resampling.BICUBIC, expand=True, fillcolor=(245, 243, 236))


def on_a_screen(image: Image.Image) -> Image.Image:
    """The picture on a monitor photographed from the left and a little above."""
    framed = ImageOps.expand(image, border=16, fill=(12, 12, 12))
    width, height = framed.size
    seen = [(-40, -20), (width + 10, 15), (width - 15, height + 5), (-20, height + 30)]
    coefficients = perspective_coefficients(seen, framed.size)
    shot = framed.transform((width + 40, height + 60), Image.Transform.PERSPECTIVE, coefficients,
                            Image.Resampling.BICUBIC, fillcolor=(60, 55, 50))  # fmt: skip
    return shot.filter(ImageFilter.GaussianBlur(0.7))


def whole_screen_photographed(image: Image.Image) -> Image.Image:
    """The whole monitor in the shot, seen from the left and below, with glare and blur."""
    framed = ImageOps.expand(image, border=12, fill=(12, 12, 12))
    width, height = framed.size
    seen = [(0.14 * width, 0.08 * height), (1.16 * width, 0.16 * height),
            (1.2 * width, 1.12 * height), (0.08 * width, 1.2 * height)]  # fmt: skip
    coefficients = perspective_coefficients(seen, framed.size)
    size = (round(width * 1.3), round(height * 1.3))
    shot = framed.transform(size, Image.Transform.PERSPECTIVE, coefficients,
                            Image.Resampling.BICUBIC, fillcolor=(60, 55, 50))  # fmt: skip
    glare = np.linspace(0, 30, shot.width)[None, :, None]
    pixels = np.clip(np.asarray(shot, dtype=float) * 0.9 + glare, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels).filter(ImageFilter.GaussianBlur(0.8))


@pytest.mark.parametrize("seed", [3, 11])
def test_a_mirrored_copy_is_found(seed):
    assert found(scene(seed), ImageOps.mirror(scene(seed)))


def test_a_copy_turned_upside_down_or_sideways_is_found():
    assert found(scene(5), scene(5).rotate(180))
    assert found(scene(5), scene(5).rotate(90, expand=True))


@pytest.mark.parametrize("degrees", [-7, 4])
def test_a_copy_turned_a_few_degrees_is_found(degrees):
    assert found(scene(21), turned(scene(21), degrees))


def test_a_photo_of_a_screen_showing_the_picture_is_found():
    assert found(scene(31), on_a_screen(scene(31)))


def test_another_picture_moved_the_same_ways_is_not_found():
    original, other = scene(41), scene(42)
    for moved in (ImageOps.mirror(other), turned(other, 5), on_a_screen(other)):
        assert not found(original, moved)


def test_a_soft_picture_photographed_on_a_screen_is_found_by_its_hashes_alone():
    """Few corners for local features: the screen, brought back to a rectangle, is hashed."""
    original = smooth_scene(7)
    stored, query = fingerprint(original), fingerprint(whole_screen_photographed(original))
    assert IMAGES.compare(query, stored, LIMITS, thorough=False).same
    assert found(original, whole_screen_photographed(original))
    assert not found(original, whole_screen_photographed(smooth_scene(8)))


def test_an_infographic_on_a_screen_is_found_but_another_of_its_template_is_not():
    original, other = infographic(1), infographic(2)
    assert found(original, whole_screen_photographed(original))
    assert not found(original, whole_screen_photographed(other))
    assert not found(other, whole_screen_photographed(original))
