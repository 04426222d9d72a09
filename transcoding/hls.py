"""HLS helpers: measured variant bandwidth, RFC 6381 codec strings and the master playlist."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

AAC_LC_CODEC = "mp4a.40.2"
# Enough of the file to reach the avcC box when the moov atom comes first (faststart).
_AVCC_SEARCH_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Bandwidth:
    peak: int
    average: int


@dataclass(frozen=True)
class Variant:
    playlist_uri: str
    bandwidth: Bandwidth
    width: int
    height: int
    fps: float
    codecs: str


def variant_bandwidth(playlist: Path) -> Bandwidth:
    """Peak and average bits per second over the segments of a variant playlist."""
    segments = list(_segments(playlist))
    init_bytes = sum(path.stat().st_size for path in _init_files(playlist))
    rates = [path.stat().st_size * 8 / seconds for path, seconds in segments if seconds > 0]
    total_seconds = sum(seconds for _path, seconds in segments)
    total_bits = (init_bytes + sum(path.stat().st_size for path, _s in segments)) * 8
    average = int(total_bits / total_seconds) if total_seconds > 0 else 0
    return Bandwidth(peak=int(max([*rates, average])), average=average)


def avc_codec_string(mp4_path: Path) -> str:
    """`avc1.PPCCLL` from the AVC decoder configuration record of an MP4 file."""
    with open(mp4_path, "rb") as handle:
        head = handle.read(_AVCC_SEARCH_BYTES)
    box = head.find(b"avcC")
    if box < 0 or len(head) < box + 8:
        raise ValueError(f"no avcC box near the start of {mp4_path}")
    profile, constraints, level = head[box + 5 : box + 8]
    return f"avc1.{profile:02x}{constraints:02x}{level:02x}"


def write_master_playlist(path: Path, variants: list[Variant]) -> Path:
    lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for variant in variants:
        lines.append(
            "#EXT-X-STREAM-INF:"
            f"BANDWIDTH={variant.bandwidth.peak},"
            f"AVERAGE-BANDWIDTH={variant.bandwidth.average},"
            f"RESOLUTION={variant.width}x{variant.height},"
            f"FRAME-RATE={variant.fps:.3f},"
            f'CODECS="{variant.codecs}"'
        )
        lines.append(variant.playlist_uri)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _segments(playlist: Path):
    seconds = 0.0
    for line in playlist.read_text(encoding="utf-8").splitlines():
        if line.startswith("#EXTINF:"):
            seconds = float(line.removeprefix("#EXTINF:").split(",")[0])
        elif line and not line.startswith("#"):
            yield playlist.parent / line, seconds


def _init_files(playlist: Path) -> list[Path]:
    prefix = '#EXT-X-MAP:URI="'
    return [
        playlist.parent / line.removeprefix(prefix).split('"')[0]
        for line in playlist.read_text(encoding="utf-8").splitlines()
        if line.startswith(prefix)
    ]
