"""The video ladder in one ffmpeg process: decode once, encode each rung once.

The decoded picture is split and scaled for every rung; each encoded rung goes through the tee
muxer into both a faststart MP4 and an HLS (fMP4 or MPEG-TS) variant, so MP4 and HLS share one
encode. Rungs with the same audio bitrate share one audio encode. The master playlist is written
afterwards from the measured segments.

Output layout under `out_dir`: `<rung>.mp4`, `hls/master.m3u8`, `hls/<rung>/index.m3u8` + segments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from assets.ffmpeg import (
    MediaInput,
    MediaProbe,
    ProgressCallback,
    StopRequested,
    input_args,
    probe,
    run_ffmpeg,
)

from .hls import (
    AAC_LC_CODEC,
    Bandwidth,
    Variant,
    avc_codec_string,
    variant_bandwidth,
    write_master_playlist,
)
from .ladder import (
    EncoderSettings,
    PlannedRung,
    encoder_from_settings,
    gop_frames,
    output_fps,
    plan_ladder,
)

HLS_DIR = "hls"
MP4_FORMAT = "mov"  # the ffmpeg demuxer of the MP4 files written here
MASTER_PLAYLIST = "master.m3u8"
VARIANT_PLAYLIST = "index.m3u8"


@dataclass(frozen=True)
class VideoRendition:
    name: str
    path: Path
    playlist: Path
    width: int
    height: int
    duration: float
    bit_rate: int
    bandwidth: Bandwidth
    codecs: str
    size: int


@dataclass(frozen=True)
class VideoLadder:
    renditions: list[VideoRendition]
    master_playlist: Path
    duration: float


def transcode_video(
    source: MediaInput,
    out_dir: str | Path,
    *,
    source_probe: MediaProbe | None = None,
    plan: list[PlannedRung] | None = None,
    encoder: EncoderSettings | None = None,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    should_stop: StopRequested | None = None,
) -> VideoLadder:
    """Encode the ladder for `source` into `out_dir` (created if missing) with one ffmpeg run."""
    out_path = Path(out_dir).resolve()
    facts = source_probe or probe(source)
    plan = plan_ladder(facts) if plan is None else plan
    encoder = encoder or encoder_from_settings()
    if not plan:
        raise ValueError(_("The file has no video stream to transcode."))
    args = ladder_command(source, plan, facts, encoder, out_path)
    run_ffmpeg(
        args,
        duration=facts.duration,
        on_progress=on_progress,
        timeout=timeout,
        cwd=str(out_path),
        should_stop=should_stop,
    )
    fps = output_fps(facts.fps, encoder)
    renditions = [_describe(out_path, rung, facts.has_audio) for rung in plan]
    master = write_master_playlist(
        out_path / HLS_DIR / MASTER_PLAYLIST, [_variant(r, fps) for r in renditions]
    )
    return VideoLadder(renditions=renditions, master_playlist=master, duration=facts.duration)


def ladder_command(
    source: MediaInput,
    plan: list[PlannedRung],
    facts: MediaProbe,
    encoder: EncoderSettings,
    out_dir: Path,
) -> list[str]:
    """ffmpeg arguments (without the program name) for the rungs in `plan`, run in `out_dir`.

    Output names are relative to `out_dir` so that no path needs tee-muxer escaping.
    """
    for rung in plan:
        (out_dir / HLS_DIR / rung.name).mkdir(parents=True, exist_ok=True)
    audio_bitrates = _audio_bitrates(plan) if facts.has_audio else []
    args = ["-y", *input_args(source), "-filter_complex", _filter_graph(plan, facts, encoder)]
    for index in range(len(plan)):
        args += ["-map", f"[v{index}]"]
    for _bitrate in audio_bitrates:
        args += ["-map", "0:a:0"]
    for index, rung in enumerate(plan):
        args += _video_options(index, rung, facts, encoder)
    for index, bitrate in enumerate(audio_bitrates):
        args += _audio_options(index, bitrate, facts, encoder)
    args += ["-map_metadata", "-1", "-map_chapters", "-1", "-threads", str(encoder.threads)]
    args += ["-f", "tee", _tee_outputs(plan, audio_bitrates, encoder)]
    return args


def _filter_graph(plan: list[PlannedRung], facts: MediaProbe, encoder: EncoderSettings) -> str:
    head = "[0:v:0]"
    if facts.fps > encoder.max_fps:
        head += f"fps={encoder.max_fps},"
    labels = [f"[s{index}]" for index in range(len(plan))]
    graph = [f"{head}split={len(plan)}{''.join(labels)}"]
    for index, rung in enumerate(plan):
        graph.append(
            f"{labels[index]}scale={rung.width}:{rung.height},setsar=1,"
            f"format={encoder.pix_fmt}[v{index}]"
        )
    return ";".join(graph)


def _video_options(
    index: int, rung: PlannedRung, facts: MediaProbe, encoder: EncoderSettings
) -> list[str]:
    gop = gop_frames(facts.fps, encoder)
    spec = f"v:{index}"
    options = [
        f"-c:{spec}", encoder.video_codec,
        f"-preset:{spec}", encoder.preset,
        f"-profile:{spec}", encoder.profile,
        f"-g:{spec}", str(gop),
        f"-keyint_min:{spec}", str(gop),
        f"-sc_threshold:{spec}", "0",
        f"-force_key_frames:{spec}", f"expr:gte(t,n_forced*{encoder.gop_seconds})",
    ]  # fmt: skip
    settings = rung.rung
    if settings.crf is not None:
        options += [f"-crf:{spec}", str(settings.crf)]
    if settings.video_bitrate:
        options += [f"-b:{spec}", settings.video_bitrate]
    if settings.maxrate:
        options += [f"-maxrate:{spec}", settings.maxrate]
    if settings.bufsize:
        options += [f"-bufsize:{spec}", settings.bufsize]
    return options


def _audio_options(
    index: int, bitrate: str, facts: MediaProbe, encoder: EncoderSettings
) -> list[str]:
    channels = min(max(facts.audio_channels, 1), encoder.audio_channels)
    spec = f"a:{index}"
    return [
        f"-c:{spec}", encoder.audio_codec,
        f"-b:{spec}", bitrate,
        f"-ac:{spec}", str(channels),
        f"-ar:{spec}", str(encoder.audio_sample_rate),
    ]  # fmt: skip


def _audio_bitrates(plan: list[PlannedRung]) -> list[str]:
    return list(dict.fromkeys(rung.rung.audio_bitrate for rung in plan))


def _tee_outputs(
    plan: list[PlannedRung], audio_bitrates: list[str], encoder: EncoderSettings
) -> str:
    slaves = []
    for index, rung in enumerate(plan):
        streams = f"v:{index}"
        if audio_bitrates:
            streams += f",a:{audio_bitrates.index(rung.rung.audio_bitrate)}"
        select = f"select=\\'{streams}\\'"
        slaves.append(f"[{select}:f=mp4:movflags=+faststart]{rung.name}.mp4")
        slaves.append(f"[{select}:{_hls_options(rung, encoder)}]{_playlist_uri(rung.name)}")
    return "|".join(slaves)


def _hls_options(rung: PlannedRung, encoder: EncoderSettings) -> str:
    folder = f"{HLS_DIR}/{rung.name}"
    options = [
        "f=hls",
        f"hls_time={encoder.hls_segment_seconds}",
        "hls_playlist_type=vod",
        "hls_flags=independent_segments",
        f"hls_segment_type={encoder.hls_segment_type}",
    ]
    if encoder.hls_segment_type == "fmp4":
        options += ["hls_fmp4_init_filename=init.mp4", f"hls_segment_filename={folder}/%05d.m4s"]
    else:
        options.append(f"hls_segment_filename={folder}/%05d.ts")
    return ":".join(options)


def _playlist_uri(name: str) -> str:
    return f"{HLS_DIR}/{name}/{VARIANT_PLAYLIST}"


def _describe(out_dir: Path, rung: PlannedRung, has_audio: bool) -> VideoRendition:
    path = out_dir / f"{rung.name}.mp4"
    facts = probe(MediaInput(path, MP4_FORMAT))
    codecs = avc_codec_string(path) + (f",{AAC_LC_CODEC}" if has_audio else "")
    playlist = out_dir / _playlist_uri(rung.name)
    return VideoRendition(
        name=rung.name,
        path=path,
        playlist=playlist,
        width=facts.width,
        height=facts.height,
        duration=facts.duration,
        bit_rate=facts.bit_rate,
        bandwidth=variant_bandwidth(playlist),
        codecs=codecs,
        size=path.stat().st_size,
    )


def _variant(rendition: VideoRendition, fps: float) -> Variant:
    return Variant(
        playlist_uri=f"{rendition.name}/{VARIANT_PLAYLIST}",
        bandwidth=rendition.bandwidth,
        width=rendition.width,
        height=rendition.height,
        fps=fps,
        codecs=rendition.codecs,
    )
