"""What the players draw besides the stream: the waveform of a podcast and the storyboard of a
video, read once from the worker's files and kept in the cache."""

import json
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.storage import default_storage

from .files import file_url

WAVEFORM_BARS = 160
STORYBOARD_FRAMES = 10
_CUE = re.compile(
    r"(?P<start>[\d:.]+)\s*-->\s*[\d:.]+\s*\n(?P<image>[^#\n]+)#xywh=(?P<x>\d+),(?P<y>\d+),"
    r"(?P<w>\d+),(?P<h>\d+)"
)


def _read_cached(name: str, parse):
    key = f"hub:parsed:{name}"
    found = cache.get(key)
    if found is None:
        try:
            with default_storage.open(name, "rb") as handle:
                found = parse(handle.read().decode("utf-8"))
        except (OSError, ValueError, KeyError):
            return None
        cache.set(key, found, None)
    return found


def _bars(text: str) -> list[float]:
    """Peaks (0..1) in WAVEFORM_BARS buckets from an audiowaveform JSON document."""
    document = json.loads(text)
    data, scale = document["data"], 2 ** (document.get("bits", 8) - 1)
    peaks = [max(abs(data[i]), abs(data[i + 1])) / scale for i in range(0, len(data) - 1, 2)]
    if not peaks:
        return []
    size = len(peaks) / WAVEFORM_BARS
    buckets = [peaks[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)]
               for i in range(WAVEFORM_BARS)]  # fmt: skip
    loudest = max(peaks) or 1
    return [round(max(bucket) / loudest, 3) if bucket else 0 for bucket in buckets]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float


def waveform(rendition, width: float = 4.0, height: float = 64.0) -> list[Bar]:
    """Bars of an SVG waveform (viewBox WAVEFORM_BARS*width x height), centred vertically."""
    if rendition is None:
        return []
    peaks = _read_cached(rendition.file.name, _bars) or []
    bars = []
    for index, peak in enumerate(peaks):
        tall = max(2.0, peak * height)
        bars.append(Bar(x=index * width, y=round((height - tall) / 2, 2), height=round(tall, 2)))
    return bars


def _seconds(stamp: str) -> float:
    parts = [float(part) for part in stamp.split(":")]
    return sum(value * 60**power for power, value in enumerate(reversed(parts)))


def _cues(text: str) -> list[dict]:
    return [
        {"start": _seconds(m["start"]), **{k: int(m[k]) for k in "xywh"}}
        for m in _CUE.finditer(text)
    ]


def storyboard(vtt, sprite) -> dict | None:
    """Up to STORYBOARD_FRAMES evenly spaced frames of the sprite, with their start times."""
    if vtt is None or sprite is None:
        return None
    cues = _read_cached(vtt.file.name, _cues) or []
    if not cues:
        return None
    step = max(1, len(cues) // STORYBOARD_FRAMES)
    return {
        "image": file_url(sprite.file.name),
        "width": sprite.width,
        "height": sprite.height,
        "frames": cues[::step][:STORYBOARD_FRAMES],
    }
