"""The whole-picture hashes of an image: grey levels for most copies, the HSV value channel for a
recoloured one; the two kinds are never compared with each other (that made near misses match)."""

from search.duplicates.algorithms import image_match
from search.duplicates.algorithms.images import image_fingerprint
from search.duplicates.algorithms.thresholds import DEFAULT_THRESHOLDS as LIMITS
from tests.duplicates.media import recoloured, scene

ONES, ZEROS = "f" * 64, "0" * 64


def hashes_of(image) -> dict[str, str]:
    return image_fingerprint(image).hashes


def test_a_recoloured_copy_matches_on_its_value_channel():
    original, copy = hashes_of(scene(7)), hashes_of(recoloured(scene(7), hue_turn=60))
    same, why = image_match.global_match(original, copy, LIMITS)
    assert same, why
    assert image_match.value_pdq_distance(original, copy) <= LIMITS.image_value_pdq
    # the grey levels moved far (about 100 bits here): only the value channel finds the copy
    assert why["method"] == "pdq-value"
    assert why["distance"] == why["value_distance"] < LIMITS.image_global_pdq


def test_a_recoloured_other_picture_does_not_match():
    same, why = image_match.global_match(
        hashes_of(scene(8)), hashes_of(recoloured(scene(9))), LIMITS
    )
    assert not same, why


def test_a_value_hash_is_never_compared_with_a_grey_one():
    a, b = {"full": ONES, "value": ZEROS}, {"full": ZEROS, "value": ONES}
    assert image_match.global_pdq_distance(a, b) == 256
    assert image_match.global_match(a, b, LIMITS) == (
        False,
        {"pdq_distance": 256, "distance": 256, "method": "pdq"},
    )
    assert not set(image_match.image_hash_terms({"value": ONES})) & set(
        image_match.image_hash_terms({"full": ONES})
    )


def test_older_fingerprints_without_a_value_hash_still_compare():
    assert image_match.value_pdq_distance({"full": ONES}, {"full": ONES, "value": ONES}) == 256
    assert image_match.global_match({"full": ONES}, {"full": ONES}, LIMITS)[0]
