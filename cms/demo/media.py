"""Demo media made on the spot: tall infographics, photo-like pictures and PDF handbooks with
Pillow, short videos and podcasts with ffmpeg. Nothing is downloaded."""

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


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def make_infographic(path: Path, title: str, blocks: list[tuple[str, str]]) -> Path:
    """A tall infographic: a red title band, then one panel per block (a big figure and its
    line of text), in the portrait shape that agencies post on social networks."""
    width, panel, top = 1200, 420, 320
    height = top + panel * len(blocks) + 140
    image = Image.new("RGB", (width, height), (250, 246, 238))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, top - 40], fill=(179, 0, 27))
    for row, line in enumerate(_wrapped(draw, title, _font(64), width - 160)):
        draw.text((80, 70 + row * 80), line, font=_font(64), fill="white")
    for index, (figure, text) in enumerate(blocks):
        y = top + index * panel
        if index % 2:
            draw.rectangle([0, y, width, y + panel], fill=(255, 240, 205))
        draw.ellipse([80, y + 90, 400, y + 410], fill=(0, 90, 160))
        size = 110 if len(figure) <= 3 else 76
        box = draw.textbbox((0, 0), figure, font=_font(size))
        draw.text((240 - (box[2] - box[0]) / 2, y + 250 - (box[3] - box[1]) / 2 - box[1]),
                  figure, font=_font(size), fill="white")  # fmt: skip
        for row, line in enumerate(_wrapped(draw, text, _font(44), width - 560)):
            draw.text((460, y + 150 + row * 60), line, font=_font(44), fill=(30, 30, 30))
    footer = "Kho tài nguyên truyền thông số"
    draw.text((80, height - 90), footer, font=_font(36), fill=(120, 0, 18))
    image.save(path, "PNG", optimize=True)
    return path


def make_handbook(path: Path, title: str, pages: list[tuple[str, list[str]]]) -> Path:
    """A small PDF handbook: a cover, then one page per section (pictures of text, as a scanned
    booklet would be)."""
    size = (1240, 1754)
    cover = Image.new("RGB", size, (179, 0, 27))
    draw = ImageDraw.Draw(cover)
    for row, line in enumerate(_wrapped(draw, title, _font(88), size[0] - 200)):
        draw.text((100, 500 + row * 110), line, font=_font(88), fill="white")
    draw.text((100, 1500), "Sổ tay điện tử", font=_font(48), fill=(255, 205, 60))
    sheets = []
    for heading, lines in pages:
        sheet = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(sheet)
        draw.rectangle([0, 0, size[0], 40], fill=(179, 0, 27))
        draw.text((100, 160), heading, font=_font(64), fill=(120, 0, 18))
        y = 320
        for text in lines:
            for line in _wrapped(draw, text, _font(44), size[0] - 200):
                draw.text((100, y), line, font=_font(44), fill=(30, 30, 30))
                y += 66
            y += 40
        sheets.append(sheet)
    cover.save(path, "PDF", resolution=150, save_all=True, append_images=sheets)
    return path


def make_repost(source: Path, path: Path) -> Path:
    """What another agency's website makes of an infographic: framed, smaller, recompressed."""
    with Image.open(source) as original:
        smaller = original.convert("RGB").resize((800, 1000))
    framed = Image.new("RGB", (880, 1080), (255, 255, 255))
    framed.paste(smaller, (40, 40))
    framed.save(path, "JPEG", quality=80)
    return path


# Sky top, sky bottom and ground colours of the generated photos, one palette per seed.
PALETTES = [
    ((40, 70, 140), (250, 190, 120), (40, 110, 60)),  # evening over green hills
    ((20, 30, 70), (90, 120, 200), (30, 60, 90)),  # blue hour, a laboratory's glow
    ((120, 170, 230), (230, 240, 250), (70, 140, 60)),  # clear day over orchards
    ((200, 90, 60), (255, 210, 140), (120, 80, 40)),  # dusk over red soil
]


def make_photo(path: Path, seed: int) -> Path:
    """A photo-like landscape: a sky gradient, a sun, layered hills and soft grain; the palette
    and the hills change with the seed."""
    width, height = 1600, 1067
    top, bottom, ground = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        colour = tuple(int(a + (b - a) * y / height) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x = 300 + (seed * 311) % 1000
    draw.ellipse([sun_x, 180, sun_x + 160, 340], fill=(255, 236, 190))
    for layer in range(4):
        base = 560 + layer * 120
        shade = tuple(max(0, min(255, c - 25 * (3 - layer) + 10 * layer)) for c in ground)
        points = [
            (x, base - int(90 * abs(((x + seed * 97 * (layer + 1)) % 700) - 350) / 350))
            for x in range(0, width + 100, 50)
        ]
        draw.polygon([(0, height), *points, (width, height)], fill=shade)
    noise = Image.effect_noise((width, height), 28).convert("RGB")
    image = Image.blend(image, noise, 0.06).filter(ImageFilter.SMOOTH)
    image.save(path, "JPEG", quality=88)
    return path


def make_video(path: Path, title: str, seconds: int = 8, hue: int = 0) -> Path:
    """A short 1280x720 H.264/AAC clip: moving colour gradients, the title, and a soft chord."""
    title_file = path.with_suffix(".txt")
    title_file.write_text(title, encoding="utf-8")
    font = next((c for c in FONT_CANDIDATES if Path(c).exists()), "")
    text = (f"drawtext=fontfile={font}:textfile={title_file}:fontcolor=white:fontsize=64:"
            "x=(w-text_w)/2:y=(h-text_h)/2:box=1:boxcolor=0x7d0013@0.75:boxborderw=30")  # fmt: skip
    chord = "+".join(f"0.15*sin({f}*2*PI*t)" for f in (220.0, 277.2, 329.6))
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error",
         "-f", "lavfi", "-i", f"gradients=size=1280x720:rate=25:duration={seconds}:speed=0.02:"
                              f"c0=0xb3001b:c1=0x{(0x5c000e + hue) & 0xffffff:06x}:c2=0xffcd3c:n=3",
         "-f", "lavfi", "-i", f"aevalsrc={chord}:s=44100:d={seconds}",
         "-vf", text if font else "null",
         "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-b:a", "96k", "-shortest", "-movflags", "+faststart", str(path)],
        check=True,
    )  # fmt: skip
    return path


def make_audio(path: Path, seconds: int = 20, variant: int = 1) -> Path:
    """A short podcast-like MP3: a chord that swells and fades (a waveform worth seeing) over
    soft pink noise."""
    base = (261.6, 329.6, 392.0) if variant == 1 else (220.0, 293.7, 349.2)
    swell = f"(0.35+0.3*sin(2*PI*t/{seconds / 3:.2f}))"
    chord = "+".join(f"{swell}*0.2*sin({f}*2*PI*t)" for f in base)
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error",
         "-f", "lavfi", "-i", f"aevalsrc={chord}:s=44100:d={seconds}",
         "-f", "lavfi", "-i", f"anoisesrc=color=pink:amplitude=0.05:d={seconds}",
         "-filter_complex", "amix=inputs=2:duration=shortest",
         "-c:a", "libmp3lame", "-b:a", "128k", str(path)],
        check=True,
    )  # fmt: skip
    return path
