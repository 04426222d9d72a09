"""assets.isolation: a crash, an out-of-memory or a runaway in decoding costs one call only."""

import io
import os
import struct
import zlib

import pytest

from assets import isolation
from assets.isolation import Crashed, Limits, OutOfMemory, TimedOut, run_isolated
from assets.validation import validate_upload
from assets.validation.errors import UploadRejected

from . import badfiles as make
from . import isolated_calls as calls

pytestmark = pytest.mark.embedded

isolation.preload(calls.__name__)

SMALL = Limits(memory_mb=512, cpu_seconds=2, wall_seconds=5)


def test_a_result_comes_back_from_another_process():
    assert run_isolated(calls.add, 2, 3, limits=SMALL) == 5
    assert run_isolated(calls.pid, limits=SMALL) != os.getpid()


def test_the_functions_exceptions_come_back_as_they_are():
    with pytest.raises(ValueError, match="no good"):
        run_isolated(calls.fail, limits=SMALL)
    with pytest.raises(UploadRejected) as refused:
        run_isolated(calls.refuse, "anh.png", limits=SMALL)
    assert refused.value.code == "refused_for_a_test"
    assert refused.value.text == "“anh.png” is refused."


@pytest.mark.parametrize("crash", [calls.segfault, calls.abort])
def test_a_native_crash_costs_one_call(crash):
    with pytest.raises(Crashed):
        run_isolated(crash, limits=SMALL)
    assert run_isolated(calls.add, 1, 1, limits=SMALL) == 2  # and this process lives on


def test_memory_beyond_the_limit_is_refused():
    with pytest.raises(OutOfMemory):
        run_isolated(calls.allocate, 2048, limits=SMALL)
    assert run_isolated(calls.allocate, 64, limits=SMALL) == 64 * 1024 * 1024


def test_a_runaway_is_stopped_by_its_cpu_limit():
    with pytest.raises(TimedOut):
        run_isolated(calls.spin, limits=Limits(memory_mb=512, cpu_seconds=1, wall_seconds=20))


def test_a_hang_is_stopped_by_its_wall_clock_limit():
    with pytest.raises(TimedOut):
        run_isolated(calls.sleep, 30, limits=Limits(memory_mb=512, cpu_seconds=5, wall_seconds=1))


def _png_header_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge canvas, with one tiny compressed row of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_a_decoder_asked_for_a_huge_canvas_costs_one_call(tmp_path):
    path = tmp_path / "lon.png"
    path.write_bytes(_png_header_claiming(20_000, 20_000))  # 1.2 GB of pixels once decoded
    with pytest.raises(OutOfMemory):
        run_isolated(calls.decode_without_pillows_guard, str(path), limits=SMALL)
    assert run_isolated(calls.add, 1, 2, limits=SMALL) == 3


@pytest.mark.parametrize(
    ("name", "build"), [("anh.png", lambda: make.png()), ("tai-lieu.pdf", lambda: make.pdf())]
)
def test_an_upload_its_decoders_cannot_finish_is_refused_and_the_next_one_passes(
    monkeypatch, name, build
):
    """Validation decodes in the isolated child: past the child's limits the upload is refused
    with its own code, and this process goes on validating."""
    data = build()
    monkeypatch.setenv("NCRL_DECODE_MAX_WALL_SECONDS", "0.001")
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(data), filename=name, allowed=("image", "document"))
    assert refused.value.code == "undecodable"
    assert "takes longer than the server allows" in refused.value.text
    monkeypatch.delenv("NCRL_DECODE_MAX_WALL_SECONDS")
    described = validate_upload(io.BytesIO(data), filename=name, allowed=("image", "document"))
    assert described.size == len(data)
