"""The tus server under bad headers, bad names, concurrent requests and a failing final write.

Reported (issue 11): a 304-character file name was refused only after the whole file was sent,
`Upload-Length: ²` answered 500, and two concurrent PATCHes on one upload both appended. Reported
(issue 12): a final PATCH that met `database is locked` lost an upload whose bytes had arrived.
"""

import base64
import hashlib
import socket
import threading
import time
from urllib.parse import urlsplit

import pytest
import requests
from django.db import OperationalError

from assets.models import ImageAsset, ResumableUpload, UploadStatus
from assets.tus import finalise

from . import tus_helpers as tus
from .conftest import token_for
from .media_files import noise_png

live = pytest.mark.django_db(transaction=True)


def metadata_header(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def create(client, token, length, metadata: str, **headers):
    """Creation through Django's test client: no server needed to read headers."""
    return client.post(
        "/assets/uploads/",
        headers={
            **tus.auth(token),
            "Upload-Length": str(length),
            "Upload-Metadata": metadata,
            **headers,
        },
    )


@pytest.mark.parametrize(
    ("filename", "code"),
    [
        ("a" * 300 + ".png", "name_too_long"),
        ("bao-cao-khong-duoi", "missing_extension"),
        ("chuong-trinh.exe", "unknown_extension"),
        ("anh\x00.png", "bad_name"),
        ("../../etc/anh.png", "bad_name"),
    ],
)
def test_a_bad_file_name_is_refused_when_the_upload_is_created(client, editor_a, filename, code):
    response = create(client, token_for(editor_a), 50_000_000, metadata_header(filename=filename))
    assert response.status_code == 400, response.text
    assert response.json()["code"] == code
    assert response.json()["error"]
    assert not ResumableUpload.objects.exists()


def test_a_name_of_the_wrong_kind_for_the_asset_type_is_refused_at_creation(client, editor_a):
    metadata = metadata_header(filename="phim.mp4", type="image")
    response = create(client, token_for(editor_a), 1000, metadata)
    assert response.status_code == 400
    assert response.json()["code"] == "type_not_allowed"


def test_a_long_vietnamese_name_within_the_limit_is_accepted(client, editor_a):
    name = "Ảnh chụp hội thảo chuyển đổi số " * 7 + ".png"
    assert len(name) <= 255
    response = create(client, token_for(editor_a), 1000, metadata_header(filename=name))
    assert response.status_code == 201, response.text
    assert ResumableUpload.objects.get().filename == name


@pytest.mark.parametrize(
    "headers",
    [
        {"Upload-Length": "²"},
        {"Upload-Length": "1³"},
        {"Upload-Length": "-5"},
        {"Upload-Length": "1e3"},
        {"Upload-Length": ""},
        {"Upload-Length": "9" * 400},
        {"Upload-Metadata": metadata_header(filename="a.png", collection="²")},
        {"Upload-Metadata": "filename ###"},
        {"Upload-Metadata": "filename " + base64.b64encode(b"\xff\xfe").decode()},
        {"Upload-Defer-Length": "1"},
    ],
)
def test_malformed_creation_headers_answer_400(client, editor_a, headers):
    headers = {"Upload-Metadata": metadata_header(filename="a.png"), **headers}
    length = headers.pop("Upload-Length", "1000")
    response = create(
        client, token_for(editor_a), length, headers.pop("Upload-Metadata"), **headers
    )
    assert response.status_code in (400, 413), (response.status_code, response.text)
    assert response.json()["error"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Upload-Offset": "²"},
        {"Upload-Offset": "-1"},
        {"Upload-Offset": ""},
        {"Upload-Checksum": "sha256 ###"},
        {"Upload-Checksum": "crc32 AAAA"},
    ],
)
def test_malformed_patch_headers_answer_4xx(client, editor_a, headers):
    token = token_for(editor_a)
    url = create(client, token, 1000, metadata_header(filename="a.png"))["Location"]
    response = client.generic(
        "PATCH",
        url,
        b"x" * 10,
        content_type="application/offset+octet-stream",
        headers={**tus.auth(token), "Upload-Offset": "0", **headers},
    )
    assert 400 <= response.status_code < 500, (response.status_code, response.content)
    assert client.head(url, headers=tus.auth(token))["Upload-Offset"] == "0"


def _start_patch(url: str, token: str, at: int, declared: int) -> socket.socket:
    """Send a PATCH's headers and no body yet: the server is now inside that PATCH."""
    parts = urlsplit(url)
    connection = socket.create_connection((parts.hostname, parts.port), timeout=60)
    connection.sendall(
        (
            f"PATCH {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Authorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
            f"Upload-Offset: {at}\r\nContent-Type: application/offset+octet-stream\r\n"
            f"Content-Length: {declared}\r\nConnection: close\r\n\r\n"
        ).encode()
    )
    return connection


def _status_line(connection: socket.socket) -> int:
    answer = b""
    while b"\r\n" not in answer:
        chunk = connection.recv(4096)
        if not chunk:
            break
        answer += chunk
    return int(answer.split(b" ", 2)[1])


@live
def test_two_concurrent_patches_on_one_upload_do_not_both_append(live_server, editor_a):
    token = token_for(editor_a)
    content = noise_png((300, 300))
    url = tus.create(live_server, token, len(content), metadata_header(filename="song-song.png"))
    first = _start_patch(url, token, 0, len(content))
    try:
        time.sleep(0.5)  # the first PATCH holds the upload, waiting for its body
        second = tus.patch(url, token, 0, content)
        assert second.status_code == 423, (second.status_code, second.text)
        assert second.json()["error"]
        first.sendall(content)
        assert _status_line(first) == 204
    finally:
        first.close()
    answer = tus.status(url, token)
    assert answer["status"] == "complete", answer
    assert answer["offset"] == answer["length"] == len(content)
    asset = ImageAsset.objects.get()
    assert asset.content_sha256 == hashlib.sha256(content).hexdigest()


@live
def test_a_termination_waits_for_no_patch_in_flight(live_server, editor_a):
    token = token_for(editor_a)
    url = tus.create(live_server, token, 1_000_000, metadata_header(filename="v.mp4"))
    first = _start_patch(url, token, 0, 1000)
    try:
        time.sleep(0.5)
        response = requests.delete(url, headers=tus.auth(token), timeout=10)
        assert response.status_code == 423
        first.sendall(b"x" * 1000)
        assert _status_line(first) == 204
    finally:
        first.close()
    assert tus.offset(url, token) == 1000


class _LockedOnce:
    """Make the final write fail once, as SQLite did under load (issue 12)."""

    def __init__(self, real):
        self.real = real
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self, *args, **kwargs):
        with self.lock:
            self.calls += 1
            first = self.calls == 1
        if first:
            raise OperationalError("database is locked")
        return self.real(*args, **kwargs)


@live
def test_a_failed_final_write_leaves_the_upload_resumable(live_server, editor_a, monkeypatch):
    token = token_for(editor_a)
    content = noise_png((400, 400))
    failing = _LockedOnce(finalise.create_asset_row)
    monkeypatch.setattr(finalise, "create_asset_row", failing)
    url = tus.create(live_server, token, len(content), metadata_header(filename="b.png"))
    response = tus.patch(url, token, 0, content)
    assert response.status_code == 503, (response.status_code, response.text)
    assert response.headers["Retry-After"]
    assert tus.status(url, token)["status"] == UploadStatus.RECEIVING
    assert tus.offset(url, token) == len(content)  # HEAD: every byte is still there
    assert not ImageAsset.objects.exists()
    # The client's HEAD + PATCH from the offset the server gave: an empty PATCH at the end.
    retry = tus.patch(url, token, len(content), b"")
    assert retry.status_code == 204, retry.text
    answer = tus.status(url, token)
    assert answer["status"] == "complete"
    assert ImageAsset.objects.get().content_sha256 == hashlib.sha256(content).hexdigest()
    assert failing.calls == 2


@live
def test_tuspy_retries_through_a_failed_final_write(live_server, editor_a, monkeypatch, tmp_path):
    token = token_for(editor_a)
    content = noise_png((400, 400))
    path = tmp_path / "c.png"
    path.write_bytes(content)
    monkeypatch.setattr(finalise, "create_asset_row", _LockedOnce(finalise.create_asset_row))
    upload = tus.uploader(
        live_server, token, path, {"filename": "c.png"}, retries=2, retry_delay=0.1
    )
    upload.upload()
    answer = tus.status(upload.url, token)
    assert answer["status"] == "complete", answer
    assert ImageAsset.objects.count() == 1
    assert ImageAsset.objects.get().content_sha256 == hashlib.sha256(content).hexdigest()
