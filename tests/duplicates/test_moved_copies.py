"""Copies that move the picture: mirrored (a common way past a duplicate check), turned a few
degrees (a scan, a phone photo), photographed on a screen at an angle. Each is found, and another
picture moved the same way is not taken for it."""

import pytest
from PIL import Image, ImageFilter, ImageOps

from bench.dedup_images import perspective_coefficients
from search.duplicates.algorithms.thresholds import DEFAULT_THRESHOLDS as LIMITS
from search.duplicates.modalities import modality
from tests.duplicates.media import scene

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
    thorough = all(group.weak for group in groups)
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
