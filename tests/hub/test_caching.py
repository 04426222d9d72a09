"""Anonymous hub pages come from the shared page cache (config.operations.page_cache); any change
is visible at once; previews and work in progress are never kept."""

import pytest

from tests.factories import media_asset

from . import library

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.NCRL_PAGE_CACHE_SECONDS = 300


def test_anonymous_pages_come_from_the_cache(client, agency_a, indexed):
    with indexed():
        image = library.image(agency_a, "Ảnh được lưu đệm", seed=1)
    first = client.get(f"/library/image/{image.pk}/")
    second = client.get(f"/library/image/{image.pk}/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert client.get("/")["X-Page-Cache"] == "miss" and client.get("/")["X-Page-Cache"] == "hit"


def test_visitors_with_a_session_are_never_served_from_the_cache(client, agency_a, editor_a):
    image = library.image(agency_a, "Ảnh", seed=1)
    client.get(f"/library/image/{image.pk}/")
    client.force_login(editor_a)
    assert "X-Page-Cache" not in client.get(f"/library/image/{image.pk}/")


def test_a_withdrawn_asset_disappears_from_cached_pages_at_once(client, agency_a, indexed):
    with indexed():
        image = library.image(agency_a, "Ảnh sẽ bị rút", seed=2)
    assert client.get(f"/library/image/{image.pk}/").status_code == 200
    assert "Ảnh sẽ bị rút" in client.get("/search/").content.decode()
    assert client.get("/search/")["X-Page-Cache"] == "hit"
    image.is_published = False
    with indexed():
        image.save()
    assert client.get(f"/library/image/{image.pk}/").status_code == 404
    assert "Ảnh sẽ bị rút" not in client.get("/search/").content.decode()


def test_a_video_still_transcoding_is_not_cached(client, agency_a):
    video = media_asset(agency_a, title="Video đang xử lý")  # its jobs have not run
    response = client.get(f"/library/media/{video.pk}/")
    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert "Video đang được xử lý để phát trực tuyến" in response.content.decode()
