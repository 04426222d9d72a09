"""Short media clips made with ffmpeg once per test session, and helpers that read outputs
back with ffprobe/ffmpeg (never with the code under test)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from assets.ffmpeg import MediaInput
from assets.validation import media_input


def media(path: Path) -> MediaInput:
    """A clip as the pipeline opens it: in the format identified from its bytes."""
    return media_input(path)


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args],
                   check=True)  # fmt: skip


def ffprobe_streams(path: Path) -> list[dict]:
    output = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output)["streams"]


def ffprobe_duration(path: Path) -> float:
    output = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
         str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return float(output)


def integrated_loudness(path: Path) -> float:
    """EBU R128 integrated loudness measured by ffmpeg's ebur128 filter."""
    log = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostdin", "-i", str(path), "-af", "ebur128", "-f", "null",
         "-"],
        check=True, capture_output=True, text=True,
    ).stderr  # fmt: skip
    summary = log[log.rindex("Summary:") :]
    return float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))


def _video_clip(path: Path, size: str, seconds: float, *, audio: bool = True,
                extra: tuple[str, ...] = ()) -> Path:  # fmt: skip
    inputs = ["-f", "lavfi", "-i", f"testsrc2=s={size}:r=25:d={seconds}"]
    if audio:
        inputs += ["-f", "lavfi", "-i", f"sine=f=440:d={seconds}:r=48000"]
    codecs = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if audio:
        codecs += ["-c:a", "aac", "-shortest"]
    ffmpeg(*inputs, *codecs, *extra, str(path))
    return path


@pytest.fixture(scope="session")
def clips(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("clips")
    made = {
        "landscape": _video_clip(folder / "landscape.mp4", "640x360", 2.0),
        "vertical": _video_clip(folder / "vertical.mp4", "1080x1920", 1.0),
        "silent": _video_clip(folder / "silent.mp4", "480x270", 2.0, audio=False),
        "small": _video_clip(folder / "small.mp4", "320x240", 1.0),
    }
    upright = _video_clip(folder / "upright.mp4", "640x360", 2.0)
    made["rotated"] = folder / "rotated.mp4"
    # ffmpeg 5.1 turns the rotate tag into a display matrix when stream-copying.
    ffmpeg("-i", str(upright), "-c", "copy", "-metadata:s:v:0", "rotate=90", str(made["rotated"]))
    made["dark_start"] = folder / "dark_start.mp4"
    ffmpeg(
        "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=1.5",
        "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=2.5",
        "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]", "-map", "[v]",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(made["dark_start"]),
    )  # fmt: skip
    made["podcast"] = folder / "podcast.mp3"
    ffmpeg(
        "-f", "lavfi", "-i", "anoisesrc=c=pink:a=0.05:d=4:r=44100",
        "-f", "lavfi", "-i", "sine=f=220:d=4:r=44100",
        "-filter_complex", "[0][1]amix=inputs=2,volume=-10dB,pan=stereo|c0=c0|c1=c0",
        "-c:a", "libmp3lame", "-b:a", "128k", str(made["podcast"]),
    )  # fmt: skip
    made["truncated"] = folder / "truncated.mp4"
    made["truncated"].write_bytes(made["landscape"].read_bytes()[:4096])
    made["random"] = folder / "random.mp4"
    made["random"].write_bytes(os.urandom(64 * 1024))
    made["empty"] = folder / "empty.mp4"
    made["empty"].write_bytes(b"")
    return made


@pytest.fixture(scope="session")
def pdf_path(tmp_path_factory) -> Path:
    """A three-page A4 PDF made with Pillow, each page numbered in large type."""
    path = tmp_path_factory.mktemp("docs") / "handbook.pdf"
    pages = []
    for number in range(1, 4):
        page = Image.new("RGB", (595, 842), "white")
        ImageDraw.Draw(page).rectangle((50, 50, 545, 200), fill=(20 * number, 80, 160))
        pages.append(page)
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=72)
    return path
