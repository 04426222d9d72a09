"""A resumable upload survives its web server being killed: the real process, not a cleared dict.

The server is killed with SIGKILL (a crash, an OOM kill, a machine restart of the service) in the
middle of an upload, once between two PATCHes and once while a PATCH is streaming in; a new
server process takes over, the client asks the offset (HEAD) and sends the rest.
"""

import base64
import contextlib
import hashlib
import os
import socket
import threading
import time

import pytest

from assets.kinds import asset_models
from tests import processes
from tests.storage import tus_helpers as tus
from tests.storage.conftest import token_for
from tests.storage.media_files import noise_png

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
SERVER = "gunicorn" if os.environ.get("REDIS_URL") else "runserver"


def metadata_header(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def _asset_holding(sha256: str):
    found = [a for m in asset_models() for a in m.objects.filter(content_sha256=sha256)]
    assert len(found) == 1, found
    return found[0]


def _moved(url: str, server) -> str:
    """The upload's URL on the new server (another port on this machine)."""
    path = url.split("/assets/uploads/", 1)[1]
    return f"{server.url}/assets/uploads/{path}"


def test_an_upload_resumes_on_a_new_server_after_a_crash_between_patches(tmp_path, editor_a):
    token = token_for(editor_a)
    content = noise_png((700, 700))
    first = processes.start_web(tmp_path / "first.log", SERVER)
    try:
        url = tus.create(first, token, len(content), metadata_header(filename="giua-chung.png"))
        half = len(content) // 2
        assert tus.patch(url, token, 0, content[:half]).status_code == 204
    finally:
        processes.kill_tree(first)
    second = processes.start_web(tmp_path / "second.log", SERVER)
    try:
        url = _moved(url, second)
        assert tus.offset(url, token) == half
        assert tus.patch(url, token, half, content[half:]).status_code == 204
        answer = tus.status(url, token)
    finally:
        processes.stop(second)
    sha256 = hashlib.sha256(content).hexdigest()
    assert answer["status"] == "complete" and answer["sha256"] == sha256
    assert _asset_holding(sha256).byte_size == len(content)


def _stream_slowly(url: str, token: str, content: bytes, sent: threading.Event) -> None:
    """A PATCH of the whole file whose body stops after half: the server is killed then."""
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    path = "/" + url.split("//", 1)[1].split("/", 1)[1]
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(
            (
                f"PATCH {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                f"Authorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
                "Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                f"Content-Length: {len(content)}\r\n\r\n"
            ).encode()
            + content[: len(content) // 2]
        )
        sent.set()
        with contextlib.suppress(OSError):
            connection.recv(1024)  # until the server dies


def test_an_upload_resumes_after_the_server_died_mid_patch(tmp_path, editor_a):
    token = token_for(editor_a)
    content = noise_png((900, 900))
    first = processes.start_web(tmp_path / "first.log", SERVER)
    sent = threading.Event()
    try:
        url = tus.create(first, token, len(content), metadata_header(filename="dang-gui.png"))
        streaming = threading.Thread(target=_stream_slowly, args=(url, token, content, sent))
        streaming.start()
        assert sent.wait(30)
        time.sleep(1)  # the server has written what arrived
    finally:
        processes.kill_tree(first)
    streaming.join(timeout=30)
    second = processes.start_web(tmp_path / "second.log", SERVER)
    try:
        url = _moved(url, second)
        offset = tus.offset(url, token)
        assert 0 < offset <= len(content) // 2
        assert tus.patch(url, token, offset, content[offset:]).status_code == 204
        answer = tus.status(url, token)
    finally:
        processes.stop(second)
    assert answer["status"] == "complete", answer
    assert answer["sha256"] == hashlib.sha256(content).hexdigest()
