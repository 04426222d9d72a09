"""Audio renditions: EBU R128 loudness normalisation (two-pass loudnorm), AAC and MP3.

Pass one measures the programme loudness; pass two applies a linear gain to reach the target
(-16 LUFS by default, the usual podcast level) and encodes both renditions from one decode.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

from assets.ffmpeg import (
    FfmpegError,
    MediaInput,
    MediaProbe,
    ProgressCallback,
    StopRequested,
    input_args,
    probe,
    run_ffmpeg,
    scaled_progress,
)

from .conf import audio_settings
from .waveform import Waveform, write_waveform

# Below this the input is silence: there is nothing to normalise.
_SILENCE_LUFS = -70.0
# The measuring pass is a fraction of the work of the encoding pass; the waveform a little more.
_MEASURE_SHARE = 30.0
_ENCODE_END = 95.0
M4A_FORMAT, MP3_FORMAT = "mov", "mp3"  # ffmpeg demuxers of the renditions written here


@dataclass(frozen=True)
class Loudness:
    integrated: float
    true_peak: float
    loudness_range: float
    threshold: float
    target_offset: float


@dataclass(frozen=True)
class AudioRendition:
    path: Path
    codec: str
    bit_rate: int
    duration: float
    sample_rate: int
    channels: int
    size: int


@dataclass(frozen=True)
class AudioOutputs:
    renditions: list[AudioRendition]
    waveform: Waveform
    measured: Loudness | None
    target_lufs: float
    duration: float


def transcode_audio(
    source: MediaInput,
    out_dir: str | Path,
    *,
    source_probe: MediaProbe | None = None,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    should_stop: StopRequested | None = None,
) -> AudioOutputs:
    """Normalise and encode the first audio stream of `source` to `audio.m4a` and `audio.mp3`."""
    target_dir = Path(out_dir)
    facts = source_probe or probe(source)
    if not facts.has_audio:
        raise ValueError(_("The file has no audio stream."))
    options = audio_settings()
    target_dir.mkdir(parents=True, exist_ok=True)
    measured = measure_loudness(
        source, options, timeout=timeout, duration=facts.duration, should_stop=should_stop,
        on_progress=scaled_progress(on_progress, 0, _MEASURE_SHARE),
    )  # fmt: skip
    audio_filter = _normalise_filter(measured, options)
    m4a, mp3 = target_dir / "audio.m4a", target_dir / "audio.mp3"
    run_ffmpeg(
        _encode_args(source, audio_filter, options, facts, m4a, mp3),
        duration=facts.duration,
        on_progress=scaled_progress(on_progress, _MEASURE_SHARE, _ENCODE_END),
        timeout=timeout,
        should_stop=should_stop,
    )
    waveform = write_waveform(
        MediaInput(m4a, M4A_FORMAT),
        target_dir / "waveform.json",
        points=int(options["waveform_points"]),
        sample_rate=int(options["waveform_sample_rate"]),
    )
    renditions = [_describe(MediaInput(m4a, M4A_FORMAT)), _describe(MediaInput(mp3, MP3_FORMAT))]
    if on_progress is not None:
        on_progress(100.0)
    return AudioOutputs(
        renditions=renditions,
        waveform=waveform,
        measured=measured,
        target_lufs=float(options["loudness_target"]),
        duration=renditions[0].duration,
    )


def measure_loudness(
    source: MediaInput,
    options: dict[str, Any] | None = None,
    *,
    timeout: float | None = None,
    duration: float = 0.0,
    on_progress: ProgressCallback | None = None,
    should_stop: StopRequested | None = None,
) -> Loudness | None:
    """First loudnorm pass; None when the input is silent (nothing to measure)."""
    options = options or audio_settings()
    log = run_ffmpeg(
        [*input_args(source), "-map", "0:a:0", "-af", _loudnorm(options) + ":print_format=json",
         "-f", "null", "-"],
        timeout=timeout,
        loglevel="info",
        duration=duration,
        on_progress=on_progress,
        should_stop=should_stop,
    )  # fmt: skip
    report = _last_json_object(log)
    integrated = float(report["input_i"])
    if not math.isfinite(integrated) or integrated < _SILENCE_LUFS:
        return None
    return Loudness(
        integrated=integrated,
        true_peak=float(report["input_tp"]),
        loudness_range=float(report["input_lra"]),
        threshold=float(report["input_thresh"]),
        target_offset=float(report["target_offset"]),
    )


def _loudnorm(options: dict[str, Any]) -> str:
    return (
        f"loudnorm=I={options['loudness_target']}:TP={options['true_peak']}"
        f":LRA={options['loudness_range']}"
    )


def _normalise_filter(measured: Loudness | None, options: dict[str, Any]) -> str:
    resample = f"aresample={options['sample_rate']}"
    if measured is None:
        return resample
    return (
        f"{_loudnorm(options)}:measured_I={measured.integrated}"
        f":measured_TP={measured.true_peak}:measured_LRA={measured.loudness_range}"
        f":measured_thresh={measured.threshold}:offset={measured.target_offset}"
        f":linear=true,{resample}"
    )


def _encode_args(
    source: MediaInput,
    audio_filter: str,
    options: dict[str, Any],
    facts: MediaProbe,
    m4a: Path,
    mp3: Path,
) -> list[str]:
    channels = str(min(max(facts.audio_channels, 1), 2))
    graph = f"[0:a:0]{audio_filter},asplit=2[aac][mp3]"
    return [
        "-y", *input_args(source), "-filter_complex", graph, "-map_metadata", "-1",
        "-map", "[aac]", "-c:a", "aac", "-b:a", options["aac_bitrate"], "-ac", channels,
        "-movflags", "+faststart", str(m4a),
        "-map", "[mp3]", "-c:a", "libmp3lame", "-b:a", options["mp3_bitrate"], "-ac", channels,
        str(mp3),
    ]  # fmt: skip


def _last_json_object(log: str) -> dict[str, Any]:
    start, end = log.rfind("{"), log.rfind("}")
    if start < 0 or end < start:
        raise FfmpegError(f"loudnorm printed no measurement: {log[-500:]}")
    return json.loads(log[start : end + 1])


def _describe(rendition: MediaInput) -> AudioRendition:
    facts = probe(rendition)
    return AudioRendition(
        path=rendition.path,
        codec=facts.audio_codec,
        bit_rate=facts.bit_rate,
        duration=facts.duration,
        sample_rate=facts.sample_rate,
        channels=facts.audio_channels,
        size=rendition.path.stat().st_size,
    )
