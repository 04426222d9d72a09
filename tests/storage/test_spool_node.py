"""With several web machines, a resumable upload lives on the machine that received its first
bytes. A request that reaches another machine (the load balancer does not route by upload id, and
the spool folder is not shared) is refused with 409 naming the holder, not taken for an upload
that starts again from zero; back on its machine the upload completes. Two machines are played
here by one live server whose node name and spool folder change between requests."""

import hashlib
import os
import threading
import time
import uuid

import pytest
import requests
from django.core.management import call_command

from assets.models import ResumableUpload
from assets.tus import cleanup, hashing
from assets.tus.sinks import sweep_spool
from tests.factories import png_bytes

from . import tus_helpers as tus
from .conftest import token_for
from .test_tus import metadata_header

pytestmark = pytest.mark.django_db(transaction=True)


def be_machine(settings, tmp_path, name: str) -> None:
    settings.NCRL_NODE_NAME = name
    settings.NCRL_UPLOAD_SPOOL_DIR = str(tmp_path / name)


def test_a_request_on_another_machine_is_refused_naming_the_holder(
    live_server, settings, tmp_path, editor_a
):
    token = token_for(editor_a)
    content = png_bytes((400, 300), color=(10, 120, 200))
    half = len(content) // 2
    be_machine(settings, tmp_path, "web-b")  # creation may land anywhere
    url = tus.create(live_server, token, len(content), metadata_header(filename="ban-do.png"))
    be_machine(settings, tmp_path, "web-a")
    assert tus.patch(url, token, 0, content[:half]).status_code == 204
    assert ResumableUpload.objects.get().spool_node == "web-a"

    be_machine(settings, tmp_path, "web-b")
    head = requests.head(url, headers=tus.auth(token), timeout=30)
    assert head.status_code == 409
    refused = tus.patch(url, token, half, content[half:])
    assert refused.status_code == 409
    assert "web-a" in refused.text and "NCRL_UPLOAD_SPOOL_DIR" in refused.text
    assert ResumableUpload.objects.get().offset == half

    be_machine(settings, tmp_path, "web-a")
    assert tus.offset(url, token) == half
    assert tus.patch(url, token, half, content[half:]).status_code == 204
    assert tus.status(url, token)["sha256"] == hashlib.sha256(content).hexdigest()


def test_a_shared_spool_folder_serves_every_machine(live_server, settings, tmp_path, editor_a):
    token = token_for(editor_a)
    content = png_bytes((300, 200), color=(200, 120, 10))
    half = len(content) // 2
    settings.NCRL_UPLOAD_SPOOL_DIR = str(tmp_path / "shared")
    settings.NCRL_NODE_NAME = "web-a"
    url = tus.create(live_server, token, len(content), metadata_header(filename="chia-se.png"))
    assert tus.patch(url, token, 0, content[:half]).status_code == 204
    settings.NCRL_NODE_NAME = "web-b"
    assert tus.patch(url, token, half, content[half:]).status_code == 204
    assert tus.status(url, token)["status"] == "complete"


def test_clean_uploads_sweeps_partial_files_left_on_this_machine(settings, tmp_path):
    settings.NCRL_UPLOAD_SPOOL_DIR = str(tmp_path)
    settings.NCRL_UPLOAD_EXPIRY_HOURS = 24
    stale, fresh = tmp_path / "old.partial", tmp_path / "new.partial"
    stale.write_bytes(b"x" * 10)
    fresh.write_bytes(b"y" * 10)
    two_days_ago = time.time() - 48 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    call_command("clean_uploads")
    assert not stale.exists() and fresh.exists()


def test_each_web_server_sweeps_its_own_spool_folder_when_uploads_start(
    live_server, settings, tmp_path, editor_a, monkeypatch
):
    """The scheduler's task runs on a worker machine: the partial files a web machine holds for
    uploads that expired are removed by that machine's web process, at most once an hour."""
    be_machine(settings, tmp_path, "web-a")
    settings.NCRL_UPLOAD_EXPIRY_HOURS = 24
    monkeypatch.setitem(cleanup._last_sweep, "at", float("-inf"))
    spool = tmp_path / "web-a"
    spool.mkdir()
    stale = spool / "gone.partial"
    stale.write_bytes(b"x" * 10)
    two_days_ago = time.time() - 48 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    token = token_for(editor_a)
    tus.create(live_server, token, 10, metadata_header(filename="mot.png"))
    assert not stale.exists()

    stale.write_bytes(b"x" * 10)
    os.utime(stale, (two_days_ago, two_days_ago))
    tus.create(live_server, token, 10, metadata_header(filename="hai.png"))
    assert stale.exists()  # swept less than an hour ago: not again


def test_a_sweep_beside_requests_saving_hash_states_fails_nothing(settings, tmp_path):
    """Seen in `make bench-upload`: creating an upload answered 500 when the sweep it starts
    listed a hash state that another request renamed into place before the sweep read its age."""
    settings.NCRL_UPLOAD_SPOOL_DIR = str(tmp_path)
    upload_ids = [str(uuid.uuid4()) for _ in range(4)]
    stop = threading.Event()

    def save_hash_states():  # what every PATCH does at its end, beside the partial file
        while not stop.is_set():
            for upload_id in upload_ids:
                hashing.start(upload_id)

    saver = threading.Thread(target=save_hash_states)
    saver.start()
    try:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            assert sweep_spool(max_age_hours=25) == 0
    finally:
        stop.set()
        saver.join()
    assert sorted(path.stem for path in tmp_path.glob("*.sha256")) == sorted(upload_ids)
