"""A resumable upload survives its web server being killed: the real process, not a cleared dict.

The server is killed with SIGKILL (a crash, an OOM kill) twice during one upload: once between
two PATCHes, once while a PATCH is streaming in. Each time a new server process takes over; the
client asks the offset (HEAD) and sends the rest. The asset holds exactly the file's bytes.
"""

import base64
import contextlib
import hashlib
import os
import socket
import threading
import time
from urllib.parse import urlsplit

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


def _on(server, url: str) -> str:
    """The upload's URL on another server process (another port on this machine)."""
    return f"{server.url}{urlsplit(url).path}"


def _patch_cut_short(url: str, token: str, at: int, rest: bytes, sent: threading.Event) -> None:
    """A PATCH announcing all of `rest` whose body stops half-way: the server dies meanwhile."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(
            (
                f"PATCH {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                f"Authorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
                f"Upload-Offset: {at}\r\nContent-Type: application/offset+octet-stream\r\n"
                f"Content-Length: {len(rest)}\r\n\r\n"
            ).encode()
            + rest[: len(rest) // 2]
        )
        sent.set()
        with contextlib.suppress(OSError):
            connection.recv(1024)  # until the server dies


def test_an_upload_survives_two_server_crashes(tmp_path, editor_a):
    token = token_for(editor_a)
    content = noise_png((1200, 1200))  # 4 MB: half of the cut PATCH is more than one 1 MB read
    third = len(content) // 3

    first = processes.start_web(tmp_path / "first.log", SERVER)
    try:
        url = tus.create(first, token, len(content), metadata_header(filename="ba-lan.png"))
        assert tus.patch(url, token, 0, content[:third]).status_code == 204
    finally:
        processes.kill_tree(first)  # between two PATCHes

    second = processes.start_web(tmp_path / "second.log", SERVER)
    sent = threading.Event()
    try:
        url = _on(second, url)
        assert tus.offset(url, token) == third
        sending = threading.Thread(
            target=_patch_cut_short, args=(url, token, third, content[third:], sent)
        )
        sending.start()
        assert sent.wait(30)
        time.sleep(1)  # the server has written what arrived
    finally:
        processes.kill_tree(second)  # in the middle of a PATCH
    sending.join(timeout=30)

    third_server = processes.start_web(tmp_path / "third.log", SERVER)
    try:
        url = _on(third_server, url)
        offset = tus.offset(url, token)
        assert third < offset <= third + (len(content) - third) // 2
        assert tus.patch(url, token, offset, content[offset:]).status_code == 204
        answer = tus.status(url, token)
    finally:
        processes.stop(third_server)
    sha256 = hashlib.sha256(content).hexdigest()
    assert answer["status"] == "complete" and answer["sha256"] == sha256, answer
    assets = [a for m in asset_models() for a in m.objects.filter(content_sha256=sha256)]
    assert [a.byte_size for a in assets] == [len(content)]
