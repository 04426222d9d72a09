"""transcode_video(): every rung checked with ffprobe, HLS read back to the end by ffmpeg."""

import subprocess
from itertools import pairwise

import pytest

from assets.ffmpeg import FfmpegTimeout, MediaInput, ProbeError, probe
from transcoding.video import transcode_video

from .conftest import ffprobe_duration, ffprobe_streams, media


def streams_by_type(path):
    return {stream["codec_type"]: stream for stream in ffprobe_streams(path)}


def master_variants(master):
    lines = master.read_text().splitlines()
    return [(info, uri) for info, uri in pairwise(lines) if info.startswith("#EXT-X-STREAM")]


def assert_hls_plays_to_the_end(master, duration):
    result = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", str(master), "-map", "0", "-f", "null", "-"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for _info, uri in master_variants(master):
        assert ffprobe_duration(master.parent / uri) == pytest.approx(duration, abs=0.1)


@pytest.fixture(scope="module")
def landscape_ladder(clips, tmp_path_factory):
    seen: list[float] = []
    ladder = transcode_video(
        media(clips["landscape"]), tmp_path_factory.mktemp("landscape"), on_progress=seen.append
    )
    return ladder, seen


def test_landscape_renditions(landscape_ladder, clips):
    ladder, _seen = landscape_ladder
    source_duration = ffprobe_duration(clips["landscape"])
    assert [r.name for r in ladder.renditions] == ["360p"]
    for rendition in ladder.renditions:
        streams = streams_by_type(rendition.path)
        video, audio = streams["video"], streams["audio"]
        assert (video["codec_name"], video["width"], video["height"]) == ("h264", 640, 360)
        assert video["pix_fmt"] == "yuv420p"
        assert audio["codec_name"] == "aac" and audio["sample_rate"] == "48000"
        assert ffprobe_duration(rendition.path) == pytest.approx(source_duration, abs=0.1)
        assert rendition.duration == pytest.approx(source_duration, abs=0.1)
        assert rendition.codecs.startswith("avc1.64") and rendition.codecs.endswith("mp4a.40.2")


def test_mp4_is_faststart(landscape_ladder):
    head = landscape_ladder[0].renditions[0].path.read_bytes()[:65536]
    assert 0 <= head.find(b"moov") < head.find(b"mdat")


def test_master_playlist_lists_every_variant_and_plays(landscape_ladder):
    ladder, _seen = landscape_ladder
    variants = master_variants(ladder.master_playlist)
    assert [uri for _info, uri in variants] == [f"{r.name}/index.m3u8" for r in ladder.renditions]
    for (info, _uri), rendition in zip(variants, ladder.renditions, strict=True):
        assert f"RESOLUTION={rendition.width}x{rendition.height}" in info
        assert f'CODECS="{rendition.codecs}"' in info
        assert f"BANDWIDTH={rendition.bandwidth.peak}" in info and rendition.bandwidth.peak > 0
    assert_hls_plays_to_the_end(ladder.master_playlist, ladder.duration)


def test_progress_ends_at_100(landscape_ladder):
    _ladder, seen = landscape_ladder
    assert seen and seen[-1] == 100.0 and seen == sorted(seen)


def test_vertical_source_gets_vertical_renditions(clips, tmp_path):
    ladder = transcode_video(media(clips["vertical"]), tmp_path)
    got = [(r.name, r.width, r.height) for r in ladder.renditions]
    assert got == [("1080p", 1080, 1920), ("720p", 720, 1280), ("480p", 480, 854),
                   ("360p", 360, 640)]  # fmt: skip
    for rendition in ladder.renditions:
        video = streams_by_type(rendition.path)["video"]
        assert (video["width"], video["height"]) == (rendition.width, rendition.height)
    assert len(master_variants(ladder.master_playlist)) == 4
    assert_hls_plays_to_the_end(ladder.master_playlist, ladder.duration)


def test_rotated_source_is_turned_upright(clips, tmp_path):
    ladder = transcode_video(media(clips["rotated"]), tmp_path)
    (rendition,) = ladder.renditions
    video = streams_by_type(rendition.path)["video"]
    assert (video["width"], video["height"]) == (360, 640)
    assert probe(MediaInput(rendition.path, "mov")).rotation == 0


def test_source_without_audio(clips, tmp_path):
    ladder = transcode_video(media(clips["silent"]), tmp_path)
    (rendition,) = ladder.renditions
    assert set(streams_by_type(rendition.path)) == {"video"}
    assert "mp4a" not in rendition.codecs
    assert (rendition.width, rendition.height) == (480, 270)
    assert_hls_plays_to_the_end(ladder.master_playlist, ladder.duration)


def test_small_source_is_not_upscaled(clips, tmp_path):
    ladder = transcode_video(media(clips["small"]), tmp_path)
    assert [(r.width, r.height) for r in ladder.renditions] == [(320, 240)]


def test_corrupt_source_fails_clearly(clips, tmp_path):
    with pytest.raises(ProbeError):
        transcode_video(media(clips["truncated"]), tmp_path)


def test_timeout_stops_the_ladder(clips, tmp_path):
    with pytest.raises(FfmpegTimeout):
        transcode_video(media(clips["vertical"]), tmp_path, timeout=0.05)
