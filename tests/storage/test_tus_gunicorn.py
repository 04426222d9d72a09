"""Uploads through gunicorn, as production serves them. There an upload's body is read straight
from the client's socket (assets/tus/body.py), past gunicorn's own reader, so each way a body can
arrive is driven through a real gunicorn here: pieces of every size on one keep-alive connection,
a body cut short, and a request sent right behind a body on the same connection."""

import hashlib
import itertools
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings
from django.core.files.storage import default_storage

from assets.kinds import asset_models
from tests import processes

from . import tus_helpers as tus
from .conftest import token_for
from .media_files import noise_png
from .test_large_upload import settled_offset
from .test_tus import metadata_header

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
MIB = 1024 * 1024


@pytest.fixture
def gunicorn(tmp_path):
    server = processes.start_web(tmp_path / "gunicorn.log", "gunicorn")
    yield server
    processes.stop(server)


def _on(server, url: str) -> str:
    return f"{server.url}{urlsplit(url).path}"


def _stored_asset(sha256: str):
    assets = [a for model in asset_models() for a in model.objects.filter(content_sha256=sha256)]
    assert len(assets) == 1
    with default_storage.open(assets[0].file.name, "rb") as stored:
        assert hashlib.file_digest(stored, "sha256").hexdigest() == sha256


def _left_in_spool(url: str) -> list[Path]:
    upload_id = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    return sorted(Path(settings.NCRL_UPLOAD_SPOOL_DIR).glob(f"{upload_id}.*"))


def _spool_emptied(url: str) -> None:
    """The received bytes are removed once the last answer is sent (not before: the client does
    not wait for it)."""
    deadline = time.monotonic() + 30
    while _left_in_spool(url):
        assert time.monotonic() < deadline, _left_in_spool(url)
        time.sleep(0.05)


def _patch_headers(token: str, at: int) -> dict[str, str]:
    return {
        **tus.auth(token),
        "Upload-Offset": str(at),
        "Content-Type": "application/offset+octet-stream",
    }


def test_pieces_of_every_size_on_one_connection_make_the_exact_file(gunicorn, editor_a):
    token = token_for(editor_a)
    content = noise_png((1000, 1000))  # about 3 MB
    # 100 bytes arrive with the headers; the next piece is one byte past a read; then the rest.
    cuts = [0, 100, 100 + MIB + 1, len(content)]
    created = tus.create(gunicorn, token, len(content), metadata_header(filename="a.png"))
    url = _on(gunicorn, created)
    with requests.Session() as connection:  # keep-alive: each request starts where a body ended
        for start, end in itertools.pairwise(cuts):
            answer = connection.patch(
                url, data=content[start:end], headers=_patch_headers(token, start), timeout=60
            )
            assert (answer.status_code, answer.headers["Upload-Offset"]) == (204, str(end))
    sha256 = hashlib.sha256(content).hexdigest()
    assert tus.status(url, token)["sha256"] == sha256
    _stored_asset(sha256)
    _spool_emptied(url)


def test_a_body_cut_short_keeps_what_arrived_and_the_rest_completes_it(
    gunicorn, editor_a, tmp_path
):
    token = token_for(editor_a)
    path = tmp_path / "b.png"
    path.write_bytes(noise_png((1000, 1000)))
    length = path.stat().st_size
    url = _on(gunicorn, tus.create(gunicorn, token, length, metadata_header(filename="b.png")))
    half = length // 2
    tus.dropped_patch(url, token, path, at=0, declared=length, sent=half)
    assert settled_offset(url, token, half) == half
    rest = path.read_bytes()[half:]
    assert tus.patch(url, token, half, rest).status_code == 204
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    assert tus.status(url, token)["sha256"] == sha256
    _stored_asset(sha256)


def test_a_request_sent_right_behind_a_body_is_answered_as_its_own(gunicorn, editor_a):
    token = token_for(editor_a)
    body = b"x" * 1000
    url = _on(gunicorn, tus.create(gunicorn, token, 5000, metadata_header(filename="c.png")))
    parts = urlsplit(url)
    headers = "".join(f"{name}: {value}\r\n" for name, value in tus.auth(token).items())
    patch = (
        f"PATCH {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{headers}"
        f"Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = f"HEAD {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{headers}\r\n".encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(patch + head)  # both in one write: the second arrives with the body
        answers = _two_answers(connection)
    assert [status for status, _headers in answers] == [204, 200]
    assert [headers["upload-offset"] for _status, headers in answers] == ["1000", "1000"]


def _two_answers(connection: socket.socket) -> list[tuple[int, dict[str, str]]]:
    """Status and headers of the first two answers on the connection (neither has a body)."""
    received = b""
    while received.count(b"\r\n\r\n") < 2:
        chunk = connection.recv(65536)
        assert chunk, f"the server closed the connection after {received!r}"
        received += chunk
    answers = []
    for block in received.split(b"\r\n\r\n")[:2]:
        status_line, *lines = block.decode().split("\r\n")
        fields = dict(line.split(": ", 1) for line in lines)
        answers.append((int(status_line.split()[1]), {k.lower(): v for k, v in fields.items()}))
    return answers
