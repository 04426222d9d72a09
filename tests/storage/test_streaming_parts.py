"""On S3 an upload's whole parts are in S3 before its last byte arrives; the next request (in
another web process: no running hash) continues the same multipart upload; with the SHA-256
announced it is completed at the content key (no copy), and only when the bytes have that hash; an
upload that ends without an asset leaves no multipart upload behind. Real MinIO, real requests."""

import base64
import hashlib
import json
import time
import zlib

import pytest
import requests
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from assets.models import MediaAsset, ResumableUpload
from assets.storage_keys import content_key
from assets.tus import hashing
from assets.tus.multipart import receipts_path
from assets.tus.streaming import StreamingSink

from . import tus_helpers as tus
from .conftest import count_objects, needs_s3, token_for
from .media_files import padded_mp4
from .test_tus import metadata_header

pytestmark = [pytest.mark.services, needs_s3, pytest.mark.django_db(transaction=True)]

MIB = 1024 * 1024
SIZE = 20 * MIB + 12345  # three parts of 8 MiB at most


def open_multiparts(client, bucket_name: str, key: str) -> list[dict]:
    prefix = default_storage.object_key(key)
    return client.list_multipart_uploads(Bucket=bucket_name, Prefix=prefix).get("Uploads", [])


def parts_in_s3(client, bucket_name: str, upload) -> list[dict]:
    answer = client.list_parts(
        Bucket=bucket_name,
        Key=default_storage.object_key(upload.staging_key),
        UploadId=upload.multipart_id,
    )
    return answer.get("Parts", [])


def sent_parts(client, bucket_name: str, upload) -> list[int]:
    return [part["PartNumber"] for part in parts_in_s3(client, bucket_name, upload)]


def crc32_of(data: bytes) -> str:
    return base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode()


@pytest.mark.parametrize("announced", [False, True])
def test_parts_reach_s3_while_the_body_arrives_and_the_next_request_continues_them(
    live_server, bucket, editor_a, tmp_path, announced
):
    client, bucket_name = bucket
    path = tmp_path / "ban-tin.mp4"
    sha256 = padded_mp4(path, SIZE)
    content = path.read_bytes()
    token = token_for(editor_a)
    metadata = {"filename": "ban-tin.mp4"} | ({"sha256": sha256} if announced else {})
    url = tus.create(live_server, token, SIZE, metadata_header(**metadata))

    first = 17 * MIB
    assert tus.patch(url, token, 0, content[:first]).status_code == 204
    upload = ResumableUpload.objects.get()
    # The request does not wait for its parts: they go on while the client sends the next one.
    wait_for(lambda: sent_parts(client, bucket_name, upload) == [1, 2], "parts 1 and 2 in S3")
    # Each part went with the CRC32 of its bytes (S3 checks it on receipt).
    part_size = upload.part_size
    assert [part["ChecksumCRC32"] for part in parts_in_s3(client, bucket_name, upload)] == [
        crc32_of(content[:part_size]),
        crc32_of(content[part_size : 2 * part_size]),
    ]
    key = content_key(sha256, "ban-tin.mp4")
    assert upload.staging_key == (key if announced else f"uploads/{upload.id}")

    hashing.forget(str(upload.id))  # the next request lands in a process without the hash
    assert tus.patch(url, token, first, content[first:]).status_code == 204
    answer = tus.status(url, token)
    assert (answer["status"], answer["sha256"]) == ("complete", sha256), answer
    asset = MediaAsset.objects.get(pk=answer["asset"]["id"])
    assert asset.file.name == key
    with default_storage.open(asset.file.name, "rb") as stored:
        assert hashlib.file_digest(stored, "sha256").hexdigest() == sha256
    assert count_objects(client, bucket_name, default_storage.object_key("uploads/")) == 0
    for prefix in (key, f"uploads/{upload.id}"):
        assert open_multiparts(client, bucket_name, prefix) == []


def test_the_last_request_sends_again_a_part_whose_receipt_is_missing(
    live_server, bucket, editor_a, tmp_path
):
    """A part that failed, or that a process which then died was sending, has no receipt: the
    request that completes the file sends it again before the multipart upload is completed."""
    client, bucket_name = bucket
    path = tmp_path / "phat-lai.mp4"
    sha256 = padded_mp4(path, SIZE)
    content = path.read_bytes()
    token = token_for(editor_a)
    url = tus.create(live_server, token, SIZE, metadata_header(filename="phat-lai.mp4"))
    first = 17 * MIB
    assert tus.patch(url, token, 0, content[:first]).status_code == 204
    upload = ResumableUpload.objects.get()
    wait_for(lambda: sent_parts(client, bucket_name, upload) == [1, 2], "parts 1 and 2 in S3")
    receipts = receipts_path(StreamingSink(default_storage).path(upload))
    lines = [line for line in receipts.read_text().splitlines() if line]
    kept = [line for line in lines if json.loads(line)["PartNumber"] == 1]
    receipts.write_text("".join(f"{line}\n" for line in kept) + '{"PartNumber": 2, "ETa')

    assert tus.patch(url, token, first, content[first:]).status_code == 204
    answer = tus.status(url, token)
    assert (answer["status"], answer["sha256"]) == ("complete", sha256), answer
    asset = MediaAsset.objects.get(pk=answer["asset"]["id"])
    with default_storage.open(asset.file.name, "rb") as stored:
        assert hashlib.file_digest(stored, "sha256").hexdigest() == sha256
    # Removed once the answer is sent, with the partial file.
    partial = receipts.with_suffix(StreamingSink.suffix)
    wait_for(lambda: not receipts.exists() and not partial.exists(), "the spool emptied")


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.1)


def test_a_wrong_announced_sha256_writes_nothing_at_its_content_key(
    live_server, bucket, editor_a, tmp_path
):
    client, bucket_name = bucket
    path = tmp_path / "sai-ma.mp4"
    padded_mp4(path, SIZE)
    claimed = hashlib.sha256(b"other bytes").hexdigest()
    token = token_for(editor_a)
    metadata = metadata_header(filename="sai-ma.mp4", sha256=claimed)
    url = tus.create(live_server, token, SIZE, metadata)
    assert tus.patch(url, token, 0, path.read_bytes()).status_code == 422
    key = content_key(claimed, "sai-ma.mp4")
    assert not default_storage.exists(key)
    assert open_multiparts(client, bucket_name, key) == []
    assert not MediaAsset.objects.exists()


@pytest.mark.parametrize("ending", ["cancelled", "expired"])
def test_an_upload_ended_without_an_asset_leaves_no_multipart_upload(
    live_server, bucket, editor_a, tmp_path, ending
):
    client, bucket_name = bucket
    path = tmp_path / "bo-do.mp4"
    padded_mp4(path, SIZE)
    token = token_for(editor_a)
    url = tus.create(live_server, token, SIZE, metadata_header(filename="bo-do.mp4"))
    assert tus.patch(url, token, 0, path.read_bytes()[: 9 * MIB]).status_code == 204
    upload = ResumableUpload.objects.get()
    assert len(open_multiparts(client, bucket_name, f"uploads/{upload.id}")) == 1

    if ending == "cancelled":
        assert requests.delete(url, headers=tus.auth(token), timeout=30).status_code == 204
    else:
        ResumableUpload.objects.update(expires_at=timezone.now())
        call_command("clean_uploads")
    assert open_multiparts(client, bucket_name, f"uploads/{upload.id}") == []
    assert not MediaAsset.objects.exists()
