"""The tus server against a live Django server, on whatever storage is configured."""

import base64
import hashlib

import pytest
import requests
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from assets.models import ImageAsset, ResumableUpload, UploadStatus
from assets.tus import hashing
from assets.tus.streaming import sink_for
from tests.factories import image_asset

from . import tus_helpers as tus
from .conftest import count_objects, token_for
from .media_files import noise_png

pytestmark = pytest.mark.django_db(transaction=True)


def metadata_header(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def test_options_advertise_the_extensions(live_server):
    response = requests.options(tus.endpoint(live_server), timeout=10)
    assert response.status_code == 204
    assert response.headers["Tus-Version"] == "1.0.0"
    assert set(response.headers["Tus-Extension"].split(",")) == {
        "creation",
        "termination",
        "checksum",
        "expiration",
    }


def test_anonymous_uploads_are_refused(live_server):
    response = requests.post(
        tus.endpoint(live_server), headers={**tus.TUS, "Upload-Length": "10"}, timeout=10
    )
    assert response.status_code == 401
    assert not ResumableUpload.objects.exists()


def test_tuspy_upload_in_chunks_becomes_an_image_of_the_agency(
    live_server, agency_a, editor_a, tmp_path
):
    content = noise_png((900, 900))
    path = tmp_path / "anh-chup.png"
    path.write_bytes(content)
    token = token_for(editor_a)
    upload = tus.uploader(
        live_server,
        token,
        path,
        {"filename": "anh-chup.png", "title": "Ảnh chụp"},
        chunk_size=512 * 1024,
        upload_checksum=True,
    )
    upload.upload()
    answer = tus.status(upload.url, token)
    assert answer["status"] == "complete", answer
    asset = ImageAsset.objects.get(pk=answer["asset"]["id"])
    sha256 = hashlib.sha256(content).hexdigest()
    assert (asset.title, asset.content_sha256) == ("Ảnh chụp", sha256)
    assert asset.collection_id == agency_a.collection_id
    assert (asset.width, asset.height, asset.byte_size) == (900, 900, len(content))
    with default_storage.open(asset.file.name, "rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == sha256


def test_a_body_with_a_wrong_checksum_is_not_kept(live_server, editor_a):
    token = token_for(editor_a)
    url = tus.create(live_server, token, 1000, metadata_header(filename="x.png"))
    wrong = "sha256 " + base64.b64encode(hashlib.sha256(b"other").digest()).decode()
    response = tus.patch(url, token, 0, b"a" * 100, **{"Upload-Checksum": wrong})
    assert response.status_code == 460
    assert tus.offset(url, token) == 0


def test_a_corrupt_file_never_becomes_an_asset(live_server, editor_a):
    token = token_for(editor_a)
    garbage = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    url = tus.create(live_server, token, len(garbage), metadata_header(filename="hong.png"))
    response = tus.patch(url, token, 0, garbage)
    assert response.status_code == 422
    assert response.json()["error"]
    assert not ImageAsset.objects.exists()
    upload = ResumableUpload.objects.get()
    assert upload.status == UploadStatus.FAILED
    assert sink_for(default_storage).received(upload) == 0
    if getattr(default_storage, "is_remote", False):
        client = default_storage.connection.meta.client
        assert count_objects(client, default_storage.bucket_name, f"uploads/{upload.id}") == 0
    assert tus.status(url, token)["status"] == "failed"
    assert requests.head(url, headers=tus.auth(token), timeout=10).status_code == 410


def test_bytes_that_differ_from_the_announced_sha256_are_refused(live_server, editor_a):
    token = token_for(editor_a)
    content = noise_png((50, 50))
    announced = hashlib.sha256(b"something else").hexdigest()
    url = tus.create(
        live_server, token, len(content), metadata_header(filename="a.png", sha256=announced)
    )
    response = tus.patch(url, token, 0, content)
    assert response.status_code == 422
    assert response.json()["code"] == "integrity"
    assert not ImageAsset.objects.exists()


def test_another_users_upload_looks_missing(live_server, editor_a, editor_b):
    url = tus.create(live_server, token_for(editor_a), 10, metadata_header(filename="a.png"))
    response = requests.head(url, headers=tus.auth(token_for(editor_b)), timeout=10)
    assert response.status_code == 404


def test_termination_ends_the_upload(live_server, editor_a):
    token = token_for(editor_a)
    url = tus.create(live_server, token, 10_000_000, metadata_header(filename="v.mp4"))
    assert tus.patch(url, token, 0, b"x" * 1000).status_code == 204
    response = requests.delete(url, headers=tus.auth(token), timeout=10)
    assert response.status_code == 204
    assert requests.head(url, headers=tus.auth(token), timeout=10).status_code == 410
    assert sink_for(default_storage).received(ResumableUpload.objects.get()) == 0


def test_expired_uploads_are_cleaned_up(live_server, editor_a):
    token = token_for(editor_a)
    url = tus.create(live_server, token, 10_000_000, metadata_header(filename="v.mp4"))
    assert tus.patch(url, token, 0, b"x" * 6_000_000).status_code == 204
    upload = ResumableUpload.objects.get()
    ResumableUpload.objects.update(expires_at=timezone.now())
    call_command("clean_uploads")
    assert not ResumableUpload.objects.exists()
    assert sink_for(default_storage).pending(upload) == 0
    if getattr(default_storage, "is_remote", False):
        client = default_storage.connection.meta.client
        listed = client.list_multipart_uploads(
            Bucket=default_storage.bucket_name, Prefix=f"uploads/{upload.id}"
        )
        assert not listed.get("Uploads")
        assert count_objects(client, default_storage.bucket_name, f"uploads/{upload.id}") == 0


def test_check_tells_who_holds_the_bytes_and_nothing_private(live_server, editor_a, agency_b):
    private = image_asset(agency_b, published=False, title="Bí mật")
    sha256 = private.content_sha256 or hashlib.sha256(private.file.read()).hexdigest()
    ImageAsset.objects.filter(pk=private.pk).update(content_sha256=sha256)
    check = f"{live_server.url}/assets/uploads/check"
    answer = requests.post(
        check, json={"sha256": sha256}, headers=tus.auth(token_for(editor_a)), timeout=10
    ).json()
    assert answer == {"exists": True, "held_by": [agency_b.name], "assets": []}
    assert requests.post(check, json={"sha256": sha256}, timeout=10).status_code == 401


def test_an_upload_survives_a_server_restart_mid_way(live_server, editor_a):
    """The running hash lives in worker memory; after a restart the stored bytes are re-read."""
    token = token_for(editor_a)
    content = noise_png((700, 700))
    url = tus.create(live_server, token, len(content), metadata_header(filename="b.png"))
    half = len(content) // 2
    assert tus.patch(url, token, 0, content[:half]).status_code == 204
    hashing._running.clear()  # what a restarted worker remembers
    assert tus.offset(url, token) == half
    assert tus.patch(url, token, half, content[half:]).status_code == 204
    answer = tus.status(url, token)
    assert answer["sha256"] == hashlib.sha256(content).hexdigest()
    assert ImageAsset.objects.get(pk=answer["asset"]["id"]).content_sha256 == answer["sha256"]
