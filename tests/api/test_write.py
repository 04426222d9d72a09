"""The write API of an agency's own integration: resumable upload, then metadata, duplicates and
publication, with the admin's validation and permissions."""

import json

import pytest
import requests

from assets.models import ImageAsset
from tests.factories import image_asset, png_bytes
from tests.storage import tus_helpers as tus

from .conftest import bearer, consumer_token

pytestmark = pytest.mark.django_db


def patch(client, url, token, body):
    return client.patch(
        url, json.dumps(body), content_type="application/json", headers=bearer(token)
    )


@pytest.fixture
def integration(agency_a):
    return consumer_token("Cổng A", kind="integration", can_write=True, agency=agency_a)


def test_metadata_changes_go_through_the_admin_form(client, agency_a, integration, licence, topic):
    _consumer, token = integration
    asset = image_asset(agency_a, published=False, title="Ảnh cũ")
    answer = patch(
        client,
        f"/api/v3/images/{asset.pk}/",
        token,
        {
            "title": "Ảnh mới",
            "licence": licence.code,
            "topics": [topic.slug],
            "credit_line": "Bộ A",
        },
    )
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["title"], body["licence"]["code"], body["topics"][0]["slug"]) == (
        "Ảnh mới",
        licence.code,
        topic.slug,
    )
    assert body["credit_line"] == "Bộ A"
    unknown = patch(client, f"/api/v3/images/{asset.pk}/", token, {"licence": "KHONG-CO"})
    assert unknown.status_code == 422
    extra = patch(client, f"/api/v3/images/{asset.pk}/", token, {"colour": "đỏ"})
    assert extra.status_code == 422
    blank = patch(client, f"/api/v3/images/{asset.pk}/", token, {"title": ""})
    assert blank.status_code == 422
    asset.refresh_from_db()
    assert asset.title == "Ảnh mới"


def test_writes_need_the_scope_and_the_own_agency(client, agency_a, agency_b, integration, press):
    _consumer, token = integration
    theirs = image_asset(agency_b, title="Của B")
    assert patch(client, f"/api/v3/images/{theirs.pk}/", token, {"title": "x"}).status_code == 403
    mine = image_asset(agency_a, title="Của A", variant=1)
    _press, read_only = press
    assert patch(client, f"/api/v3/images/{mine.pk}/", read_only, {"title": "x"}).status_code == 403
    anonymous = client.patch(
        f"/api/v3/images/{mine.pk}/", json.dumps({"title": "x"}), content_type="application/json"
    )
    assert anonymous.status_code == 401


def test_publishing_is_for_moderators(client, agency_a, integration, licence):
    _consumer, editor_token = integration
    asset = image_asset(agency_a, published=False, title="Chờ công bố")
    url = f"/api/v3/images/{asset.pk}/publish/"
    assert client.post(url, headers=bearer(editor_token)).status_code == 403
    _moderator, token = consumer_token(
        "Cổng A kiểm duyệt", kind="integration", can_write=True, may_publish=True, agency=agency_a
    )
    # The admin's rule holds here too: no publishing without the rights metadata.
    refused = client.post(url, headers=bearer(token))
    assert refused.status_code == 422
    for missing in ("licence", "credit_line", "alt_text"):
        assert missing in refused.content.decode(), missing
    ImageAsset.objects.filter(pk=asset.pk).update(
        licence=licence, credit_line="Ảnh: Cổng A", alt_text="Ảnh minh hoạ chờ công bố"
    )
    published = client.post(url, headers=bearer(token))
    assert published.status_code == 200, published.content
    assert client.get(f"/api/v3/images/{asset.pk}/").status_code == 200
    withdrawn = client.post(
        f"/api/v3/images/{asset.pk}/withdraw/",
        json.dumps({"reason": "Sai chú thích"}),
        content_type="application/json",
        headers=bearer(token),
    )
    assert withdrawn.status_code == 200
    assert client.get(f"/api/v3/images/{asset.pk}/").status_code == 410


def test_an_integration_asks_for_duplicates(client, agency_a, agency_b, integration):
    _consumer, token = integration
    image_asset(agency_b, title="Bản của B", variant=7)
    mine = image_asset(agency_a, title="Bản của A", variant=7)  # the same bytes
    answer = client.get(f"/api/v3/images/{mine.pk}/duplicates/", headers=bearer(token))
    assert answer.status_code == 200, answer.content
    assert answer.json() and answer.json()[0]["exact"] is True


@pytest.mark.django_db(transaction=True)
def test_a_resumable_upload_then_metadata(live_server, agency_a, tmp_path):
    _consumer, token = consumer_token("Cổng A tải lên", can_write=True, agency=agency_a)
    path = tmp_path / "Ảnh sự kiện.png"
    path.write_bytes(png_bytes(size=(320, 200)))
    upload = tus.uploader(live_server, token, path, {"filename": path.name, "title": "Sự kiện"})
    upload.upload()
    status = tus.status(upload.url, token)
    assert status["status"] == "complete", status
    asset_id = status["asset"]["id"]
    answer = requests.patch(
        f"{live_server.url}/api/v3/images/{asset_id}/",
        json={"description": "Mô tả từ hệ thống tích hợp"},
        headers=bearer(token),
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["original_filename"] == "Ảnh sự kiện.png"
    assert ImageAsset.objects.get(pk=asset_id).description == "Mô tả từ hệ thống tích hợp"
