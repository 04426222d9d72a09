"""A 300 MB video through tus with the real tuspy client against MinIO: a connection dropped
half-way, a resume, the stored bytes checked; the same bytes from another agency store nothing."""

import hashlib
import time

import pytest
from django.core.files.storage import default_storage

from assets.models import MediaAsset

from . import tus_helpers as tus
from .conftest import count_objects, needs_s3, token_for
from .media_files import padded_mp4

pytestmark = [
    pytest.mark.services,
    pytest.mark.slow,
    needs_s3,
    pytest.mark.django_db(transaction=True),
]

SIZE = 300 * 1024 * 1024
CHUNK = 32 * 1024 * 1024


def settled_offset(url: str, token: str, at_least: int) -> int:
    """The server's offset once it has stored what the dropped request delivered."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        offset = tus.offset(url, token)
        if offset >= at_least:
            return offset
        time.sleep(0.2)
    raise AssertionError("the server never recorded the bytes of the dropped request")


def stored_sha256(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as stored:
        while chunk := stored.read(8 * 1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def test_300_mb_resumed_after_a_dropped_connection_and_stored_once(
    live_server, bucket, agency_a, agency_b, editor_a, editor_b, tmp_path
):
    client, bucket_name = bucket
    path = tmp_path / "phong-su.mp4"
    sha256 = padded_mp4(path, SIZE)
    token = token_for(editor_a)
    metadata = {"filename": "phong-su.mp4", "title": "Phóng sự", "sha256": sha256}

    first = tus.uploader(live_server, token, path, metadata, chunk_size=CHUNK)
    first.upload(stop_at=4 * CHUNK)  # 128 MB, then the connection drops in the middle of a PATCH
    tus.dropped_patch(first.url, token, path, at=first.offset, declared=CHUNK * 2, sent=CHUNK)
    offset = settled_offset(first.url, token, first.offset + CHUNK)
    assert offset == first.offset + CHUNK
    assert not MediaAsset.objects.exists(), "an unfinished upload is not an asset"

    resumed = tus.uploader(live_server, token, path, metadata, chunk_size=CHUNK, url=first.url)
    assert resumed.offset == offset
    resumed.upload()
    answer = tus.status(first.url, token)
    assert answer["status"] == "complete", answer
    asset = MediaAsset.objects.get(pk=answer["asset"]["id"])
    assert (asset.content_sha256, asset.byte_size, asset.type) == (sha256, SIZE, "video")
    assert stored_sha256(asset.file.name) == sha256

    originals_before = count_objects(client, bucket_name, "originals/")
    again = tus.uploader(live_server, token_for(editor_b), path, metadata, chunk_size=CHUNK)
    again.upload()
    twin = MediaAsset.objects.get(pk=tus.status(again.url, token_for(editor_b))["asset"]["id"])
    assert twin.agency == agency_b and twin.file.name == asset.file.name
    assert count_objects(client, bucket_name, "originals/") == originals_before
    for url in (first.url, again.url):
        staging = default_storage.object_key(f"uploads/{url.rsplit('/', 1)[1]}")
        assert count_objects(client, bucket_name, staging) == 0

    name = asset.file.name
    asset.delete()
    assert default_storage.exists(name), "agency B's asset still uses the original"
    twin.delete()
    assert not default_storage.exists(name)
