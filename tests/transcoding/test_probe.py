"""probe(): facts of real clips, and clear errors for files that are not media."""

import pytest

from assets.ffmpeg import MediaInput, ProbeError, probe

from .conftest import media


def test_landscape_clip_facts(clips):
    facts = probe(media(clips["landscape"]))
    assert (facts.width, facts.height, facts.rotation) == (640, 360, 0)
    assert facts.duration == pytest.approx(2.0, abs=0.1)
    assert facts.fps == pytest.approx(25.0)
    assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert facts.audio_channels == 1 and facts.sample_rate == 48000
    assert facts.has_video and facts.has_audio and facts.bit_rate > 0
    assert "mp4" in facts.format_name


def test_rotated_clip_reports_display_size(clips):
    facts = probe(media(clips["rotated"]))
    assert facts.rotation in (90, 270)
    assert (facts.width, facts.height) == (360, 640)
    assert facts.is_vertical


def test_vertical_and_silent_and_audio_only(clips):
    assert probe(media(clips["vertical"])).is_vertical
    silent = probe(media(clips["silent"]))
    assert silent.has_video and not silent.has_audio and silent.audio_codec == ""
    podcast = probe(media(clips["podcast"]))
    assert podcast.is_audio_only and podcast.audio_codec == "mp3" and podcast.width == 0


@pytest.mark.parametrize("name", ["truncated", "random", "empty"])
def test_unreadable_files_raise_probe_error(clips, name):
    with pytest.raises(ProbeError) as error:
        probe(media(clips[name]))
    assert str(error.value)


def test_missing_file_raises_probe_error(tmp_path):
    with pytest.raises(ProbeError, match="does not exist"):
        probe(MediaInput(tmp_path / "nothing.mp4", "mov"))
