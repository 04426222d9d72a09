"""run_ffmpeg(): progress from -progress pipe:1, clear failures, the time limit."""

import time

import pytest

from assets.ffmpeg import FfmpegError, FfmpegTimeout, percent_done, run_ffmpeg


def test_percent_done_is_clamped():
    assert percent_done(1_500_000, 3.0) == pytest.approx(50.0)
    assert percent_done(9_000_000, 3.0) == 100.0
    assert percent_done(-5, 3.0) == 0.0
    assert percent_done(100, 0.0) == 0.0


def test_progress_reports_rising_percentages(tmp_path):
    seen: list[float] = []
    run_ffmpeg(
        ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=4", "-c:v", "libx264", "-preset",
         "ultrafast", str(tmp_path / "out.mp4")],
        duration=4.0, on_progress=seen.append,
    )  # fmt: skip
    assert seen[-1] == 100.0
    assert seen == sorted(seen)
    assert any(0 < value < 100 for value in seen)


def test_failure_carries_ffmpeg_message(tmp_path):
    with pytest.raises(FfmpegError, match="No such file"):
        run_ffmpeg(["-i", str(tmp_path / "missing.mp4"), "-f", "null", "-"])


def test_timeout_kills_ffmpeg():
    started = time.monotonic()
    with pytest.raises(FfmpegTimeout):
        run_ffmpeg(["-re", "-f", "lavfi", "-i", "testsrc2=d=30", "-f", "null", "-"], timeout=0.5)
    assert time.monotonic() - started < 5
