"""Files in the bucket are private: no anonymous reads, presigned URLs expire (real MinIO)."""

import time

import pytest
import requests
from django.core.files.storage import default_storage

from assets.storage.links import presigned_download_url
from tests.factories import image_asset

from .conftest import needs_s3

pytestmark = [pytest.mark.services, needs_s3, pytest.mark.django_db(transaction=True)]


def bare_url(name: str) -> str:
    endpoint = default_storage.connection.meta.client.meta.endpoint_url
    return f"{endpoint}/{default_storage.bucket_name}/{default_storage.object_key(name)}"


def test_an_unpublished_file_cannot_be_fetched_anonymously(live_server, bucket, agency_a):
    asset = image_asset(agency_a, published=False, title="Chưa công bố")
    served = f"{live_server.url}/assets/files/{asset.file.name}"
    assert requests.get(served, timeout=10, allow_redirects=False).status_code == 404
    assert requests.get(bare_url(asset.file.name), timeout=10).status_code == 403


def test_the_agency_is_redirected_to_a_presigned_url(
    client, live_server, bucket, agency_a, editor_a
):
    asset = image_asset(agency_a, published=False, title="Của cơ quan")
    client.force_login(editor_a)
    response = client.get(f"/assets/files/{asset.file.name}")
    assert response.status_code == 302
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.status_code == 200
    assert fetched.headers["Content-Type"] == "image/png"
    with default_storage.open(asset.file.name, "rb") as stored:
        assert fetched.content == stored.read()


def test_a_presigned_url_stops_working_when_it_expires(bucket, agency_a):
    asset = image_asset(agency_a, published=True)
    url = presigned_download_url(default_storage, asset.file.name, expire=1)
    assert requests.get(url, timeout=10).status_code == 200
    time.sleep(2.5)
    assert requests.get(url, timeout=10).status_code == 403


def test_a_tampered_signature_is_refused(bucket, agency_a):
    asset = image_asset(agency_a, published=True)
    url = presigned_download_url(default_storage, asset.file.name, expire=60)
    signature = url.rsplit("X-Amz-Signature=", 1)[1][:64]
    tampered = url.replace(signature, signature[::-1])
    assert requests.get(tampered, timeout=10).status_code == 403
