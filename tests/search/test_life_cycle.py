"""Saving, publishing and deleting real assets updates the index through the signal handlers and
tasks (the immediate task backend runs them once the transaction commits)."""

import pytest

from search import queries
from search.models import SearchEntry
from tests.factories import image_asset

pytestmark = pytest.mark.django_db
TITLE = "Infographic chuyển đổi số cấp xã phường"


def keys(query: str, public_only: bool = True) -> list[str]:
    return [hit.key for hit in queries.search(query, public_only=public_only).hits]


def test_asset_is_indexed_published_and_removed(
    backend_name, agency_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asset = image_asset(agency_a, published=False, title=TITLE)
    key = f"image:{asset.pk}"
    assert keys("chuyen doi so cap xa") == []
    assert keys("chuyen doi so cap xa", public_only=False) == [key]
    assert queries.find_by_terms([f"sha256:{asset.content_sha256}"]) == [(key, 1)]

    with django_capture_on_commit_callbacks(execute=True):
        asset.is_published = True
        asset.save()
    results = queries.search("CHUYỂN ĐỔI SỐ CẤP XÃ")
    assert [hit.key for hit in results.hits] == [key]
    assert results.hits[0].agency == agency_a.code
    assert dict(results.facets["agency"]) == {agency_a.code: 1}

    with django_capture_on_commit_callbacks(execute=True):
        asset.delete()
    assert keys("chuyen doi so cap xa", public_only=False) == []
    assert not SearchEntry.objects.filter(key=key).exists()
