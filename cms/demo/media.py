"""Demo media made on the spot: an infographic and a photo-like image with Pillow, a short video
and an audio clip with ffmpeg. Nothing is downloaded."""

import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


def _font(size: int) -> ImageFont.ImageFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def make_infographic(path: Path, title: str, figures: list[tuple[str, int]]) -> Path:
    """A bar-chart infographic with a Vietnamese title and labelled bars."""
    width, height = 1200, 1500
    image = Image.new("RGB", (width, height), (250, 246, 238))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 180], fill=(200, 16, 46))
    draw.text((60, 60), title, font=_font(44), fill="white")
    for index, (label, value) in enumerate(figures):
        top = 260 + index * 260
        draw.text((60, top), label, font=_font(36), fill=(30, 30, 30))
        draw.rectangle([60, top + 70, 60 + int(10.4 * value), top + 170], fill=(0, 90, 160))
        draw.text((80 + int(10.4 * value), top + 95), f"{value}%", font=_font(44), fill="black")
    image.save(path, "PNG", optimize=True)
    return path


def make_repost(source: Path, path: Path) -> Path:
    """What another agency's website makes of an infographic: framed, smaller, recompressed."""
    with Image.open(source) as original:
        smaller = original.convert("RGB").resize((800, 1000))
    framed = Image.new("RGB", (880, 1080), (255, 255, 255))
    framed.paste(smaller, (40, 40))
    framed.save(path, "JPEG", quality=80)
    return path


def make_photo(path: Path, seed: int) -> Path:
    """A photo-like landscape: sky gradient, hills and soft noise."""
    width, height = 1600, 1067
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    image = Image.merge(
        "RGB",
        [
            band.point(lambda v, k=k: 60 + (v * k) // 3)
            for k, band in enumerate(image.split(), start=1)
        ],
    )
    draw = ImageDraw.Draw(image)
    for layer in range(3):
        base = 600 + layer * 140 + seed * 7
        points = [
            (x, base - int(80 * ((x * (layer + 2) + seed * 37) % 400) / 400))
            for x in range(0, width + 100, 100)
        ]
        draw.polygon(
            [(0, height), *points, (width, height)],
            fill=(30 + layer * 30, 110 + layer * 20, 50 + seed * 10),
        )
    noise = Image.effect_noise((width, height), 24).convert("RGB")
    image = Image.blend(image, noise, 0.08).filter(ImageFilter.SMOOTH)
    image.save(path, "JPEG", quality=88)
    return path


def make_video(path: Path, seconds: int = 6) -> Path:
    """A short 640x360 H.264/AAC clip with a moving test pattern and a tone."""
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error",
         "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=25:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=44100:duration={seconds}",
         "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-b:a", "96k", "-shortest", "-movflags", "+faststart", str(path)],
        check=True,
    )  # fmt: skip
    return path


def make_audio(path: Path, seconds: int = 8) -> Path:
    """A short podcast-like MP3: a chord over soft pink noise."""
    chord = "+".join(f"0.2*sin({f}*2*PI*t)" for f in (261.6, 329.6, 392.0))
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error",
         "-f", "lavfi", "-i", f"aevalsrc={chord}:s=44100:d={seconds}",
         "-f", "lavfi", "-i", f"anoisesrc=color=pink:amplitude=0.05:d={seconds}",
         "-filter_complex", "amix=inputs=2:duration=shortest",
         "-c:a", "libmp3lame", "-b:a", "128k", str(path)],
        check=True,
    )  # fmt: skip
    return path
