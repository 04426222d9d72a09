"""Duplicate matching across agencies, through the same upload path as every door."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL.PngImagePlugin import PngInfo

from assets.ingest import create_asset, inspect_upload
from assets.models import ImageAsset
from search.duplicates.inspector import NAME
from search.duplicates.matching import _not_yet_indexed, find_duplicates
from search.duplicates.models import AssetFingerprint
from search.duplicates.storing import store_fingerprints, stored_fingerprints
from search.indexing import index_key, upsert_records
from search.keys import key_for
from search.models import SearchEntry
from search.records import record_for
from tests.duplicates.library import store
from tests.duplicates.media import bordered, cropped, encoded, recoloured, scene

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _both_backends(backend_name):
    return backend_name


def check(agency, content: bytes, name: str = "moi.png"):
    """What the upload check finds for these bytes, without storing them."""
    facts = inspect_upload(ContentFile(content, name=name), filename=name, allowed=("image",))
    return find_duplicates(facts.findings[NAME])


def test_identical_bytes_are_an_exact_match_whoever_holds_them(agency_a, agency_b):
    original = store(agency_a, encoded(scene(1)))
    [match] = check(agency_b, encoded(scene(1)))
    assert (match.key, match.exact, match.signal) == (key_for(original), True, "sha256")


def test_a_metadata_only_change_is_an_exact_content_match(agency_a, agency_b):
    original = store(agency_a, encoded(scene(2)))
    captioned = PngInfo()
    captioned.add_text("Description", "Ảnh đã sửa chú thích")
    [match] = check(agency_b, encoded(scene(2), pnginfo=captioned))
    assert (match.key, match.exact, match.signal) == (key_for(original), True, "content")


@pytest.mark.parametrize(
    "transform", [cropped, bordered, recoloured], ids=["crop", "border", "colour"]
)
def test_a_transformed_copy_is_a_near_match_with_its_reason(agency_a, agency_b, transform):
    original = store(agency_a, encoded(scene(3)))
    matches = check(agency_b, encoded(transform(scene(3)), "JPEG", quality=85), "copy.jpg")
    assert [m.key for m in matches] == [key_for(original)]
    assert not matches[0].exact
    assert matches[0].signal in ("pdq", "pdq-value", "local-features")
    assert 0 < matches[0].similarity <= 1


def test_a_different_picture_matches_nothing(agency_a, agency_b):
    store(agency_a, encoded(scene(4)))
    assert check(agency_b, encoded(scene(5))) == []


def test_fingerprints_are_stored_with_the_asset_and_go_with_it(agency_a):
    asset = store(agency_a, encoded(scene(6)))
    key = key_for(asset)
    assert AssetFingerprint.objects.filter(key=key, modality="image").exists()
    asset.delete()
    assert not AssetFingerprint.objects.filter(key=key).exists()


def test_a_copy_is_found_before_the_index_has_caught_up(agency_a, agency_b):
    # Stored without running the index task (as when the worker is busy): the matcher still
    # verifies the fingerprints that are not indexed yet.
    original = create_asset(
        ImageAsset,
        ContentFile(encoded(scene(7)), name="anh.png"),
        filename="anh.png",
        collection=agency_a.collection,
        title="anh",
    )
    assert not SearchEntry.objects.filter(key=key_for(original)).exists()
    matches = check(agency_b, encoded(cropped(scene(7)), "JPEG", quality=85), "copy.jpg")
    assert [m.key for m in matches] == [key_for(original)]


def waiting(key: str) -> bool:
    return AssetFingerprint.objects.get(key=key, modality="image").awaiting_index


def test_writing_the_index_entry_ends_the_wait_of_the_fingerprints_it_holds(agency_a):
    asset = create_asset(
        ImageAsset,
        ContentFile(encoded(scene(8)), name="anh.png"),
        filename="anh.png",
        collection=agency_a.collection,
        title="anh",
    )
    key = key_for(asset)
    assert waiting(key)
    index_key(key)
    assert not waiting(key)


def test_an_entry_built_before_the_fingerprints_were_stored_leaves_them_waiting(agency_a):
    asset = store(agency_a, encoded(scene(9)))
    key = key_for(asset)
    assert not waiting(key)
    built_at = timezone.now()
    record = record_for(asset)
    store_fingerprints(asset, stored_fingerprints(asset))  # stored again while it was built
    upsert_records([record], as_of=built_at)
    assert waiting(key)
    assert key in _not_yet_indexed("image")
