"""Synthetic video clips and music-like audio for the duplicate evaluation, and their copies."""

import random
import subprocess
import wave
from pathlib import Path

import numpy as np

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
CLIP_SECONDS = 8
SAMPLE_RATE = 22050
AUDIO_SECONDS = 20


def ffmpeg(*arguments: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", *arguments], check=True, timeout=300)


# Camera moves over a still landscape (x and y of a 320x240 window over a 640x480 scene, t in
# seconds): the family decides the move and the palette, the seed the terrain and its objects.
CAMERA_MOVES = [
    ("t*40", "120+60*sin(t/2)"),
    ("160+120*sin(t/3)", "t*28"),
    ("320-t*38", "240-t*28"),
    ("160+150*cos(t/2)", "120+110*sin(t/2)"),
    ("t*20", "t*14"),
]


def make_video(path: Path, family: int, seed: int, title: str) -> None:
    """A clip panning over a generated landscape, with a moving object and a caption."""
    from bench.dedup_images import photo

    scene = path.with_suffix(".scene.png")
    photo(seed, 50 + family, size=(640, 480)).save(scene)
    x, y = CAMERA_MOVES[family % len(CAMERA_MOVES)]
    rng = random.Random(seed)
    speed, height = rng.randint(30, 80), rng.randint(20, 200)
    box = f"drawbox=x='mod(t*{speed},300)':y={height}:w=24:h=24:color=white@0.8:t=fill"
    text = (f"drawtext=fontfile={FONT}:text='{title}':x=8:y=8:fontsize=14:fontcolor=white"
            ":box=1:boxcolor=black@0.5")  # fmt: skip
    ffmpeg("-loop", "1", "-framerate", "10", "-i", str(scene), "-t", str(CLIP_SECONDS),
           "-vf", f"crop=320:240:x='{x}':y='{y}',{box},{text}",
           "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
           str(path))  # fmt: skip
    scene.unlink()


def video_copies(source: Path, stem: Path, rng: random.Random) -> dict[str, tuple[Path, float]]:
    """Copies of a clip: name -> (path, seconds cut from the start of the source)."""
    start = round(rng.uniform(1.0, 3.0), 2)
    mark = f"drawtext=fontfile={FONT}:text='VTV':x=w-50:y=h-24:fontsize=16:fontcolor=yellow"
    plans = {
        "reencode": (["-c:v", "mpeg4", "-q:v", "12"], "avi", 0.0),
        "resize": (["-vf", "scale=160:120", "-c:v", "libx264", "-crf", "30"], "mp4", 0.0),
        "trim": (["-ss", str(start), "-t", "4", "-c:v", "libx264", "-crf", "26"], "mp4", start),
        "watermark": (
            ["-vf", f"{mark},crop=iw*0.94:ih*0.94", "-c:v", "libx264", "-crf", "28"],
            "mkv",
            0.0,
        ),  # fmt: skip
    }
    written = {}
    for name, (options, extension, offset) in plans.items():
        path = stem.with_name(f"{stem.name}.{name}.{extension}")
        input_options = options[:2] if name == "trim" else []
        output_options = options[2:] if name == "trim" else options
        ffmpeg(*input_options, "-i", str(source), *output_options, "-an", str(path))
        written[name] = (path, offset)
    return written


def note(frequency: float, seconds: float, rng: np.random.Generator) -> np.ndarray:
    times = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    tone = sum(
        np.sin(2 * np.pi * frequency * k * times + rng.random()) / k**1.5 for k in range(1, 6)
    )
    envelope = np.minimum(1, times * 30) * np.exp(-times * rng.uniform(1.5, 4))
    return tone * envelope


def music(style_seed: int, melody_seed: int) -> np.ndarray:
    """A music-like signal: chords and a melody in a key and tempo set by the style, with drums."""
    style = np.random.default_rng(style_seed)
    melody = np.random.default_rng(melody_seed)
    root = 110 * 2 ** (style.integers(0, 12) / 12)
    beat = style.uniform(0.25, 0.45)
    scale = [0, 2, 4, 5, 7, 9, 11, 12, 14, 16]
    signal = np.zeros(AUDIO_SECONDS * SAMPLE_RATE + SAMPLE_RATE)
    position = 0.0
    while position < AUDIO_SECONDS:
        start = int(position * SAMPLE_RATE)
        degree = scale[melody.integers(0, len(scale))]
        length = beat * melody.choice([1, 1, 2, 0.5])
        voice = note(root * 2 ** (degree / 12) * 2, length, melody)
        if melody.random() < 0.4:
            voice = voice + 0.6 * note(root * 2 ** ((degree + 4) / 12), length, melody)
        signal[start : start + len(voice)] += voice
        if melody.random() < 0.5:
            burst = melody.normal(0, 0.6, int(0.05 * SAMPLE_RATE)) * np.linspace(
                1, 0, int(0.05 * SAMPLE_RATE)
            )
            signal[start : start + len(burst)] += burst
        position += length
    signal = signal[: AUDIO_SECONDS * SAMPLE_RATE]
    return signal / np.abs(signal).max() * 0.8


def write_wav(path: Path, signal: np.ndarray) -> None:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(SAMPLE_RATE)
        handle.writeframes((signal * 32767).astype("<i2").tobytes())


def audio_copies(source: Path, stem: Path, rng: random.Random) -> dict[str, tuple[Path, float]]:
    """Copies of a track: name -> (path, seconds cut from the start of the source)."""
    start = round(rng.uniform(2.0, 6.0), 2)
    plans = {
        "reencode": ([], ["-c:a", "libmp3lame", "-b:a", "64k"], "mp3", 0.0),
        "trim": (["-ss", str(start)], ["-t", "10", "-c:a", "pcm_s16le"], "wav", start),
        "reencode_trim": (
            ["-ss", str(start)],
            ["-af", "volume=0.6", "-c:a", "aac", "-b:a", "64k"],
            "m4a",
            start,
        ),  # fmt: skip
    }
    written = {}
    for name, (before, after, extension, offset) in plans.items():
        path = stem.with_name(f"{stem.name}.{name}.{extension}")
        ffmpeg(*before, "-i", str(source), *after, str(path))
        written[name] = (path, offset)
    return written
