"""Pictures with real texture for the duplicate tests: flat colours have no perceptual content."""

import io
import random
import subprocess
import wave
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps


def scene(seed: int, size=(480, 360)) -> Image.Image:
    """Smooth random terrain with a few shapes: every seed gives a clearly different picture."""
    rng = np.random.default_rng(seed)
    width, height = size
    field = np.zeros((height, width))
    for octave in range(1, 8):
        cells = rng.random((2**octave + 2, 2**octave + 2))
        layer = Image.fromarray((cells * 255).astype(np.uint8)).resize(size, Image.BICUBIC)
        field += np.asarray(layer, dtype=float) / octave
    field = (field - field.min()) / (field.max() - field.min())
    palette = rng.random((2, 3)) * 200 + 30
    pixels = field[..., None] * palette[0] + (1 - field[..., None]) * palette[1]
    image = Image.fromarray(pixels.astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(25):
        x, y, r = (
            int(v) for v in (rng.integers(0, width), rng.integers(0, height), rng.integers(15, 50))
        )
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=tuple(int(c) for c in rng.integers(0, 255, 3))
        )
    return image


def smooth_scene(seed: int, size=(480, 360)) -> Image.Image:
    """A blurred scene: few corners for local features, as in a soft photo or a small frame."""
    return scene(seed, size).filter(ImageFilter.GaussianBlur(5))


def infographic(seed: int) -> Image.Image:
    """One infographic of a fixed template (band, three figures, a bar chart): every seed gives
    other words and numbers in the same frame, the near miss of a copy."""
    rng = random.Random(seed)
    image = Image.new("RGB", (300, 400), (244, 247, 252))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 300, 64), fill=(18, 74, 140))
    title = f"{rng.choice(['POPULATION', 'SCHOOLS', 'HEALTH', 'ROADS'])} {rng.randint(10, 99)}"
    draw.text((14, 14), title, font=ImageFont.load_default(26), fill="white")
    for column in range(3):
        left = 14 + column * 94
        draw.rounded_rectangle((left, 80, left + 84, 150), 8, outline=(240, 140, 30), width=3)
        draw.text((left + 8, 92), str(rng.randint(10, 999)), font=ImageFont.load_default(30),
                  fill=(20, 30, 50))  # fmt: skip
    draw.line((30, 350, 280, 350), fill=(20, 30, 50), width=2)
    for bar in range(6):
        value, left = rng.randint(20, 160), 40 + bar * 40
        draw.rectangle((left, 350 - value, left + 24, 350), fill=(240, 140, 30))
        draw.text((left, 334 - value), str(value), font=ImageFont.load_default(12),
                  fill=(20, 30, 50))  # fmt: skip
    return image


def encoded(image: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def cropped(image: Image.Image, share: float = 0.08) -> Image.Image:
    width, height = image.size
    return image.crop((int(width * share), int(height * share / 2), width, height))


def recoloured(image: Image.Image, hue_turn: int = 40) -> Image.Image:
    """Every hue turned by `hue_turn` of 256 steps (about 56 degrees), as a restyled copy."""
    hsv = np.asarray(image.convert("HSV")).copy()
    hsv[..., 0] = (hsv[..., 0].astype(int) + hue_turn) % 256
    return Image.fromarray(hsv, "HSV").convert("RGB")


def bordered(image: Image.Image) -> Image.Image:
    return ImageOps.expand(image, border=30, fill=(255, 255, 255))


def ffmpeg(*arguments: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", *arguments], check=True, timeout=120)


def clip(path: Path, source: str, seconds: int = 10) -> Path:
    """A clip from an ffmpeg test source (moving content), with a soundtrack of filtered noise."""
    ffmpeg(
        "-f", "lavfi", "-i", source,
        "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:c=pink:seed=7",
        "-t", str(seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", str(path),
    )  # fmt: skip
    return path


def trimmed_smaller(source: Path, path: Path, start: float) -> Path:
    """Re-encoded from `start`, at a smaller size and another bit rate."""
    ffmpeg("-ss", str(start), "-i", str(source), "-vf", "scale=240:-2", "-c:v", "libx264",
           "-b:v", "300k", "-c:a", "aac", "-b:a", "64k", str(path))  # fmt: skip
    return path


def melody(path: Path, seed: int, seconds: int = 20) -> Path:
    """Music-like audio: a sequence of tones with harmonics and percussive noise."""
    rng = np.random.default_rng(seed)
    rate = 22050
    signal = np.zeros(seconds * rate)
    position = 0
    while position < len(signal):
        length = int(rate * rng.choice([0.15, 0.3, 0.6]))
        times = np.arange(length) / rate
        pitch = 220 * 2 ** (rng.integers(0, 24) / 12)
        tone = sum(np.sin(2 * np.pi * pitch * k * times) / k for k in (1, 2, 3))
        tone *= np.exp(-times * 4) + 0.05 * rng.normal(size=length)
        signal[position : position + length] += tone[: len(signal) - position]
        position += length
    samples = (signal / np.abs(signal).max() * 0.8 * 32767).astype("<i2")
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(samples.tobytes())
    return path


def reencoded_audio(source: Path, path: Path, start: float = 0.0) -> Path:
    ffmpeg("-ss", str(start), "-i", str(source), "-c:a", "libmp3lame", "-b:a", "96k", str(path))
    return path
