"""Podcasts and spoken audio: a copy of a recording is found (re-encoded, under a music bed),
while other recordings of the same presenter, or the same text read by another voice, are not.

Chromaprint is built for music: on speech many of its bits hardly change, so two different
recordings agree on most bits by chance, and a presenter's recurring phrases line up for seconds.
The speech is synthesised by espeak-ng (Debian package, installed by `make system-test`).
"""

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from assets.validation import media_input
from search.duplicates.algorithms.audio import audio_fingerprint
from search.duplicates.algorithms.thresholds import DEFAULT_THRESHOLDS as LIMITS
from search.duplicates.modalities import modality
from tests.duplicates.media import ffmpeg, melody

AUDIO = modality("audio")
# One programme's presenter reads two bulletins that share its usual phrases.
BULLETIN = (
    "Xin chào quý vị thính giả. Bản tin khoa học và công nghệ hôm nay. "
    "Tại tỉnh Quảng Ninh, Sở Khoa học và Công nghệ đã đưa vào vận hành hệ thống quan trắc môi "
    "trường tự động, giúp người dân tra cứu chất lượng không khí ngay trên điện thoại. "
    "Các nhà khoa học trẻ của Viện Hàn lâm đã công bố giống lúa chịu mặn mới cho đồng bằng."
)
OTHER_BULLETIN = (
    "Xin chào quý vị thính giả. Bản tin khoa học và công nghệ hôm nay. "
    "Tại thành phố Cần Thơ, các trường đại học phối hợp với doanh nghiệp mở phòng thí nghiệm "
    "chung về trí tuệ nhân tạo, đào tạo hơn năm trăm kỹ sư mỗi năm. "
    "Bộ Khoa học và Công nghệ cũng vừa ban hành hướng dẫn chuyển đổi số cho các hợp tác xã."
)


def speak(path: Path, text: str, voice: str) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is missing: run `make system-test` (it is in TEST_PACKAGES)")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", str(path), text], check=True,
                   timeout=60, capture_output=True)  # fmt: skip
    return path


def compared(query: list[int], stored: list[int]):
    return AUDIO.compare({"chromaprint": query}, {"chromaprint": stored}, LIMITS)


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> dict[str, list[int]]:
    folder = tmp_path_factory.mktemp("speech")
    source = speak(folder / "bulletin.wav", BULLETIN, "vi+m3")
    bed = melody(folder / "bed.wav", seed=4, seconds=30)
    copy = folder / "copy.m4a"
    ffmpeg("-i", str(source), "-i", str(bed), "-filter_complex",
           "[1:a]volume=0.25[bed];[0:a][bed]amix=inputs=2:duration=first:normalize=0",
           "-ac", "1", "-ar", "22050", "-c:a", "aac", "-b:a", "64k", str(copy))  # fmt: skip
    made = {
        "source": source,
        "copy": copy,
        "same_voice": speak(folder / "other.wav", OTHER_BULLETIN, "vi+m3"),
        "other_voice": speak(folder / "voice.wav", BULLETIN, "vi-vn-x-south+f2"),
    }
    return {name: audio_fingerprint(media_input(path)) for name, path in made.items()}


def test_a_copy_under_a_music_bed_in_aac_is_found(recordings):
    verdict = compared(recordings["copy"], recordings["source"])
    assert verdict.same, verdict.details


@pytest.mark.parametrize("other", ["same_voice", "other_voice"])
def test_another_recording_is_not_a_copy(recordings, other):
    verdict = compared(recordings[other], recordings["source"])
    assert not verdict.same, verdict.details


def test_recordings_that_share_only_a_jingle_are_not_copies():
    rng = np.random.default_rng(5)
    episode = [int(v) for v in rng.integers(0, 2**32, 400, dtype=np.uint64)]
    next_episode = episode[-60:] + [int(v) for v in rng.integers(0, 2**32, 300, dtype=np.uint64)]
    verdict = compared(next_episode, episode)
    assert not verdict.same, verdict.details
    assert verdict.details["coverage"] < LIMITS.audio_min_coverage


def test_an_excerpt_of_a_recording_is_a_copy():
    rng = np.random.default_rng(6)
    episode = rng.integers(0, 2**32, 600, dtype=np.uint64)
    noise = rng.random((150, 32)) < 0.05  # a few bits flipped, as a re-encoding does
    flips = (noise * (1 << np.arange(32, dtype=np.uint64))).sum(axis=1).astype(np.uint64)
    excerpt = [int(v) for v in episode[200:350] ^ flips]
    verdict = compared(excerpt, [int(v) for v in episode])
    assert verdict.same, verdict.details
    assert verdict.details["offset_seconds"] == pytest.approx(200 * 4096 / 3 / 11025, abs=0.01)
