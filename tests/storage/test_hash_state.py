"""The running SHA-256 of an upload survives its process: a state saved by one is continued by
another and gives hashlib's digest; the last request of an upload reads nothing again."""

import hashlib
import os

import pytest

from assets.models import ResumableUpload
from assets.tus import hashing, sinks
from assets.tus.sha256_state import ResumableSha256, available

from . import tus_helpers as tus
from .conftest import token_for
from .media_files import padded_mp4
from .test_tus import metadata_header


def test_a_saved_state_continued_elsewhere_gives_hashlibs_digest():
    assert available(), "OpenSSL's libcrypto is needed for hashes that survive their process"
    content = os.urandom(3 * 1024 * 1024 + 17)
    first = ResumableSha256()
    first.update(content[:1_000_003])
    taken_up = ResumableSha256(first.state())
    taken_up.update(content[1_000_003:])
    assert taken_up.length == len(content)
    assert taken_up.hexdigest() == hashlib.sha256(content).hexdigest()
    assert first.hexdigest() == hashlib.sha256(content[:1_000_003]).hexdigest()


def test_the_body_reader_s_own_buffer_is_hashed_where_it_is():
    """Under gunicorn the body arrives as views of one buffer, filled again for each chunk."""
    content = os.urandom(2 * 1024 * 1024 + 5)
    buffer = bytearray(1024 * 1024)
    hasher = ResumableSha256()
    hasher.update(content[:3])
    for start in range(3, len(content), len(buffer)):
        piece = content[start : start + len(buffer)]
        buffer[: len(piece)] = piece
        hasher.update(memoryview(buffer)[: len(piece)])
    assert hasher.hexdigest() == hashlib.sha256(content).hexdigest()


@pytest.mark.django_db(transaction=True)
def test_the_last_request_does_not_hash_the_file_again(
    live_server, editor_a, tmp_path, monkeypatch
):
    path = tmp_path / "tin-nhanh.mp4"
    sha256 = padded_mp4(path, 3 * 1024 * 1024)
    content = path.read_bytes()
    token = token_for(editor_a)
    url = tus.create(live_server, token, len(content), metadata_header(filename="tin-nhanh.mp4"))
    half = len(content) // 2
    assert tus.patch(url, token, 0, content[:half]).status_code == 204
    upload_id = str(ResumableUpload.objects.get().id)
    assert hashing.state_path(upload_id).stat().st_size > 0  # any web process can continue it

    def read_again(*args):
        raise AssertionError("the partial file was hashed again")

    monkeypatch.setattr(sinks, "_digest", read_again)
    assert tus.patch(url, token, half, content[half:]).status_code == 204
    assert tus.status(url, token)["sha256"] == sha256
