"""Spoken Vietnamese for the duplicate evaluation: passages read by espeak-ng, their copies and
hard negatives (another passage in the same voice; the same passage in another voice).

A podcast library holds many recordings of the same presenters reading text on the same subjects,
so two different recordings share voice, pace and whole phrases: that is what the negatives test.
"""

import random
import subprocess
from pathlib import Path

from bench import dedup_media
from bench.dedup_texts import sentence

SENTENCES_PER_PASSAGE = 3
MASTER_RATE = 44100
# Presenters: (espeak-ng voice, variant, words per minute, pitch).
PRESENTERS = [
    ("vi", "m3", 160, 45),
    ("vi", "f2", 150, 60),
    ("vi-vn-x-south", "m1", 170, 40),
    ("vi-vn-x-central", "f4", 155, 55),
    ("vi", "m7", 145, 35),
    ("vi-vn-x-south", "f1", 165, 65),
]


def passage(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(sentence(rng) for _ in range(SENTENCES_PER_PASSAGE))


def speak(path: Path, text: str, presenter: int) -> None:
    """A 44.1 kHz stereo master of `text` read by one presenter (espeak-ng writes 22 kHz mono)."""
    voice, variant, speed, pitch = PRESENTERS[presenter % len(PRESENTERS)]
    raw = path.with_suffix(".raw.wav")
    subprocess.run(
        ["espeak-ng", "-v", f"{voice}+{variant}", "-s", str(speed), "-p", str(pitch),
         "-w", str(raw), text],
        check=True, timeout=120, capture_output=True,
    )  # fmt: skip
    dedup_media.ffmpeg("-i", str(raw), "-ar", str(MASTER_RATE), "-ac", "2", str(path))
    raw.unlink()


def music_bed(path: Path, seed: int) -> None:
    dedup_media.write_wav(path, dedup_media.music(seed % 10, 5000 + seed))


def speech_copies(source: Path, stem: Path, rng: random.Random) -> dict[str, tuple[Path, float]]:
    """Copies of a recording: name -> (path, seconds cut from the start of the source)."""
    start = round(rng.uniform(2.0, 6.0), 2)
    bed = stem.with_name(f"{stem.name}.bed.wav")
    music_bed(bed, rng.randrange(1000))
    jingle = "atrim=0:3,afade=t=out:st=2.5:d=0.5,aresample=44100,aformat=channel_layouts=stereo"
    mixed = "[1:a]volume=0.25,aresample=44100,aformat=channel_layouts=stereo[bed];"
    plans = {
        "reencode": ([], ["-c:a", "libmp3lame", "-b:a", "48k"], "mp3", 0.0),
        "trim": (["-ss", str(start)], ["-t", "12", "-c:a", "pcm_s16le"], "wav", start),
        "music_bed": (
            ["-i", str(bed)],
            [
                "-filter_complex",
                mixed + "[0:a][bed]amix=inputs=2:duration=first:normalize=0",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "96k",
            ],
            "mp3",
            0.0,
        ),  # fmt: skip
        "jingle": (
            ["-i", str(bed)],
            [
                "-filter_complex",
                f"[1:a]{jingle}[j];[j][0:a]concat=n=2:v=0:a=1",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "96k",
            ],
            "mp3",
            3.0,
        ),  # fmt: skip
        "mono_22k": ([], ["-ac", "1", "-ar", "22050", "-c:a", "pcm_s16le"], "wav", 0.0),
        "m4a": ([], ["-c:a", "aac", "-b:a", "64k"], "m4a", 0.0),
    }
    written = {}
    for name, (extra_inputs, after, extension, offset) in plans.items():
        path = stem.with_name(f"{stem.name}.{name}.{extension}")
        before = extra_inputs if name != "trim" else []
        seek = extra_inputs if name == "trim" else []
        dedup_media.ffmpeg(*seek, "-i", str(source), *before, *after, str(path))
        written[name] = (path, offset)
    bed.unlink()
    return written
