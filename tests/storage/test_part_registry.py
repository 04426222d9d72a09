"""Each web process keeps a registry of the parts it is sending, by upload: an upload has an entry
there only while one of its parts is on its way (the process lives for thousands of requests)."""

import uuid
from types import SimpleNamespace

from assets.tus import multipart
from assets.tus.multipart import MIB, PartSender


def test_a_request_that_makes_no_part_whole_leaves_nothing_in_the_registry(tmp_path):
    upload = SimpleNamespace(id=uuid.uuid4(), part_size=8 * MIB, length=20 * MIB, parts=[])
    spool = tmp_path / f"{upload.id}.partial"
    spool.write_bytes(b"x" * MIB)  # less than a part: nothing to send yet
    sender = PartSender(None, "bucket", "key", "multipart-id", upload, spool)
    sender.send_ready(spool.stat().st_size)
    assert str(upload.id) not in multipart._flights
