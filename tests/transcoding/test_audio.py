"""transcode_audio(): loudness on target (measured by ffmpeg's ebur128), codecs, waveform."""

import json

import pytest

from transcoding.audio import transcode_audio

from .conftest import ffprobe_duration, ffprobe_streams, integrated_loudness, media


@pytest.fixture(scope="module")
def podcast_outputs(clips, tmp_path_factory):
    return transcode_audio(media(clips["podcast"]), tmp_path_factory.mktemp("podcast"))


def test_renditions_are_aac_and_mp3(podcast_outputs, clips):
    codecs = [ffprobe_streams(r.path)[0]["codec_name"] for r in podcast_outputs.renditions]
    assert codecs == ["aac", "mp3"]
    for rendition in podcast_outputs.renditions:
        assert ffprobe_duration(rendition.path) == pytest.approx(4.0, abs=0.1)
        assert rendition.channels == 2 and rendition.sample_rate == 48000


def test_loudness_reaches_the_target(podcast_outputs, clips):
    assert integrated_loudness(clips["podcast"]) < -20  # the source really is quieter
    assert podcast_outputs.measured.integrated == pytest.approx(
        integrated_loudness(clips["podcast"]), abs=1.0
    )
    for rendition in podcast_outputs.renditions:
        assert integrated_loudness(rendition.path) == pytest.approx(-16.0, abs=1.0)


def test_waveform_peaks(podcast_outputs):
    document = json.loads(podcast_outputs.waveform.path.read_text())
    data = document["data"]
    assert document["bits"] == 8 and len(data) == 2 * document["length"]
    assert 990 <= document["length"] <= 1010
    minima, maxima = data[0::2], data[1::2]
    assert all(-128 <= low <= high <= 127 for low, high in zip(minima, maxima, strict=True))
    assert max(maxima) > 20 and min(minima) < -20


def test_audio_track_of_a_video_is_normalised_too(clips, tmp_path):
    outputs = transcode_audio(media(clips["landscape"]), tmp_path)
    assert integrated_loudness(outputs.renditions[0].path) == pytest.approx(-16.0, abs=1.0)


def test_video_without_audio_is_refused(clips, tmp_path):
    with pytest.raises(ValueError, match="no audio stream"):
        transcode_audio(media(clips["silent"]), tmp_path)
