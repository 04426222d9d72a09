"""Synthetic video clips and music-like audio for the duplicate evaluation, and their copies."""

import random
import subprocess
import wave
from pathlib import Path

import numpy as np

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
CLIP_SECONDS = 8
VIDEO_SIZE = "192x144"
SAMPLE_RATE = 22050
AUDIO_SECONDS = 20


def ffmpeg(*arguments: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", *arguments], check=True, timeout=300)


def video_source_filter(family: int, seed: int) -> str:
    """An ffmpeg lavfi source; the family decides the scene, the seed its content."""
    rng = random.Random(seed)
    size, rate = VIDEO_SIZE, 10
    if family == 0:
        x, y = rng.uniform(-1.5, 0.3), rng.uniform(-0.8, 0.8)
        return (f"mandelbrot=size={size}:rate={rate}:start_x={x:.4f}:start_y={y:.4f}"
                f":start_scale={rng.uniform(0.5, 3):.3f}:end_scale=0.05")  # fmt: skip
    if family == 1:
        return f"life=size={size}:rate={rate}:seed={seed}:ratio=0.{rng.randint(1, 5)}:mold=10"
    if family == 2:
        return f"cellauto=size={size}:rate={rate}:rule={rng.choice([18, 30, 90, 110, 150])}:seed={seed}"
    if family == 3:
        return f"gradients=size={size}:rate={rate}:seed={seed}:speed=0.08:nb_colors={rng.randint(3, 6)}"
    offset = rng.randint(0, 60)
    return f"testsrc2=size={size}:rate={rate},trim=start={offset},setpts=PTS-STARTPTS,hue=h={seed % 360}"


def make_video(path: Path, family: int, seed: int, title: str) -> None:
    text = f"drawtext=fontfile={FONT}:text='{title}':x=8:y=8:fontsize=14:fontcolor=white:box=1:boxcolor=black@0.5"
    ffmpeg("-f", "lavfi", "-i", video_source_filter(family, seed), "-t", str(CLIP_SECONDS),
           "-vf", text, "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
           str(path))  # fmt: skip


def video_copies(source: Path, stem: Path, rng: random.Random) -> dict[str, tuple[Path, float]]:
    """Copies of a clip: name -> (path, seconds cut from the start of the source)."""
    start = round(rng.uniform(1.0, 3.0), 2)
    mark = f"drawtext=fontfile={FONT}:text='VTV':x=w-50:y=h-24:fontsize=16:fontcolor=yellow"
    plans = {
        "reencode": (["-c:v", "mpeg4", "-q:v", "12"], "avi", 0.0),
        "resize": (["-vf", "scale=128:96", "-c:v", "libx264", "-crf", "30"], "mp4", 0.0),
        "trim": (["-ss", str(start), "-t", "4", "-c:v", "libx264", "-crf", "26"], "mp4", start),
        "watermark": (["-vf", f"{mark},crop=iw*0.94:ih*0.94", "-c:v", "libx264", "-crf", "28"],
                      "mkv", 0.0),  # fmt: skip
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
    tone = sum(np.sin(2 * np.pi * frequency * k * times + rng.random()) / k**1.5 for k in range(1, 6))
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
            burst = melody.normal(0, 0.6, int(0.05 * SAMPLE_RATE)) * np.linspace(1, 0, int(0.05 * SAMPLE_RATE))
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
        "reencode_trim": (["-ss", str(start)], ["-af", "volume=0.6", "-c:a", "aac", "-b:a", "64k"],
                          "m4a", start),  # fmt: skip
    }
    written = {}
    for name, (before, after, extension, offset) in plans.items():
        path = stem.with_name(f"{stem.name}.{name}.{extension}")
        ffmpeg(*before, "-i", str(source), *after, str(path))
        written[name] = (path, offset)
    return written
