"""Synthetic photos and infographics for the duplicate evaluation, and their transformed copies."""

import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

from bench.dedup_vocabulary import STAT_LABELS, TITLES

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PHOTO_SIZE = (640, 480)
INFOGRAPHIC_SIZE = (600, 800)
TEMPLATES = [
    {"bg": (244, 247, 252), "band": (18, 74, 140), "accent": (240, 140, 30), "ink": (20, 30, 50)},
    {"bg": (255, 250, 238), "band": (170, 30, 40), "accent": (250, 200, 40), "ink": (60, 20, 20)},
    {"bg": (236, 248, 240), "band": (20, 110, 70), "accent": (90, 180, 220), "ink": (10, 50, 30)},
    {"bg": (30, 34, 48), "band": (90, 60, 170), "accent": (60, 220, 180), "ink": (235, 235, 245)},
    {"bg": (250, 244, 250), "band": (120, 40, 110), "accent": (40, 160, 90), "ink": (50, 20, 50)},
]


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def fractal_field(rng: np.random.Generator, size: tuple[int, int], octaves: int = 7) -> np.ndarray:
    width, height = size
    field = np.zeros((height, width))
    for octave in range(1, octaves + 1):
        cells = 2**octave
        small = rng.random((max(2, cells * height // width) + 2, cells + 2))
        layer = Image.fromarray((small * 255).astype(np.uint8)).resize(
            size, Image.Resampling.BICUBIC
        )
        field += np.asarray(layer, dtype=float) / octave**0.9
    return (field - field.min()) / (field.max() - field.min())


def photo(seed: int, palette_seed: int, size: tuple[int, int] = PHOTO_SIZE) -> Image.Image:
    """A landscape-like scene: fractal terrain under a gradient sky, with a few soft shapes."""
    rng = np.random.default_rng(seed)
    palette = np.random.default_rng(palette_seed).random((3, 3)) * 200 + 30
    width, height = size
    terrain = fractal_field(rng, size)
    horizon = height * (0.35 + 0.2 * rng.random()) + 60 * (fractal_field(rng, size, 3) - 0.5)
    rows = np.arange(height)[:, None]
    sky = np.clip((horizon - rows) / horizon, 0, 1)
    ground = terrain[..., None] * palette[0] + (1 - terrain[..., None]) * palette[1]
    sky_rgb = sky[..., None] * palette[2] + (1 - sky[..., None]) * 230
    land = (rows > horizon)[..., None]
    pixels = np.where(land, ground, sky_rgb * (0.85 + 0.15 * terrain[..., None]))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(int(rng.integers(3, 8))):
        x, y, r = rng.integers(0, width), rng.integers(0, height), rng.integers(10, 60)
        colour = tuple(int(c) for c in rng.integers(0, 255, 3)) + (110,)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    return image


def infographic(template: int, seed: int) -> Image.Image:
    """One infographic in one of the templates: title, three figures, a bar chart, a footer."""
    rng = random.Random(seed)
    style = TEMPLATES[template]
    width, height = INFOGRAPHIC_SIZE
    image = Image.new("RGB", INFOGRAPHIC_SIZE, style["bg"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 130), fill=style["band"])
    draw.text((30, 28), rng.choice(TITLES).upper(), font=font(34, True), fill=(255, 255, 255))
    draw.text((30, 80), f"Năm {rng.randint(2020, 2030)} - tỉnh {rng.randint(1, 63)}", font=font(20),
              fill=(255, 255, 255))  # fmt: skip
    for column in range(3):
        left = 30 + column * 185
        draw.rounded_rectangle((left, 160, left + 170, 300), 14, outline=style["accent"], width=4)
        draw.text(
            (left + 16, 180), f"{rng.randint(10, 999)}", font=font(48, True), fill=style["ink"]
        )
        draw.text((left + 16, 250), rng.choice(STAT_LABELS), font=font(15), fill=style["ink"])
    draw.line((60, 700, 560, 700), fill=style["ink"], width=3)
    for bar in range(6):
        value = rng.randint(40, 330)
        left = 80 + bar * 80
        draw.rectangle((left, 700 - value, left + 50, 700), fill=style["accent"])
        draw.text((left + 5, 670 - value), str(value), font=font(16, True), fill=style["ink"])
    draw.text(
        (30, 330), rng.choice(STAT_LABELS) + " theo quý", font=font(22, True), fill=style["ink"]
    )
    source = f"Nguồn: Sở KH&CN - số liệu {rng.randint(1, 12)}/{rng.randint(2024, 2026)}"
    draw.text((30, 740), source, font=font(16), fill=style["ink"])
    return image


def random_crop(image: Image.Image, rng: random.Random) -> Image.Image:
    width, height = image.size
    cut_x, cut_y = rng.uniform(0.03, 0.10) * width, rng.uniform(0.03, 0.10) * height
    left, top = rng.uniform(0, cut_x), rng.uniform(0, cut_y)
    return image.crop((int(left), int(top), int(width - cut_x + left), int(height - cut_y + top)))


def watermark(image: Image.Image, rng: random.Random) -> Image.Image:
    marked = image.convert("RGBA")
    layer = Image.new("RGBA", marked.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width, height = marked.size
    box_w, box_h = int(width * 0.3), int(height * 0.08)
    left = rng.choice([10, width - box_w - 10])
    top = rng.choice([10, height - box_h - 10])
    draw.rounded_rectangle((left, top, left + box_w, top + box_h), 8, fill=(255, 255, 255, 140))
    draw.text((left + 8, top + 4), "© Báo Điện tử", font=font(max(12, box_h // 2)),
              fill=(200, 20, 20, 200))  # fmt: skip
    return Image.alpha_composite(marked, layer).convert("RGB")


def recolour(image: Image.Image, rng: random.Random) -> Image.Image:
    if rng.random() < 0.3:
        return ImageOps.grayscale(image).convert("RGB")
    hsv = np.asarray(image.convert("HSV")).copy()
    hsv[..., 0] = (hsv[..., 0].astype(int) + rng.randint(20, 60)) % 256
    shifted = Image.fromarray(hsv, "HSV").convert("RGB")
    return ImageEnhance.Contrast(shifted).enhance(rng.uniform(0.8, 1.2))


def screenshot(image: Image.Image, rng: random.Random) -> Image.Image:
    """The image shown in a browser-like window: title bar, side text, page background."""
    canvas = Image.new("RGB", (1280, 900), (rng.randint(225, 245),) * 3)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, 1280, 70), fill=(45, 48, 60))
    draw.text((20, 20), "Cổng thông tin điện tử - chuyên mục Nghị quyết 57", font=font(24),
              fill=(255, 255, 255))  # fmt: skip
    scale = rng.uniform(0.8, 1.1)
    shown = image.resize((int(image.width * scale), int(image.height * scale)))
    left, top = rng.randint(30, 1280 - shown.width - 200), 90
    canvas.paste(shown, (left, top))
    for line in range(12):
        draw.text((1280 - 180, 120 + 30 * line), f"Tin liên quan {line + 1}", font=font(16),
                  fill=(60, 60, 60))  # fmt: skip
    return canvas


def bordered(image: Image.Image, rng: random.Random) -> Image.Image:
    width = int(min(image.size) * rng.uniform(0.04, 0.12))
    colour = rng.choice([(255, 255, 255), (0, 0, 0), (200, 30, 30), (240, 240, 230)])
    return ImageOps.expand(image, border=width, fill=colour)


def rotated(image: Image.Image, rng: random.Random) -> Image.Image:
    """A scan or a phone photo held slightly askew: a few degrees, on a light page."""
    angle = rng.choice([-1, 1]) * rng.uniform(2, 8)
    return image.rotate(angle, Image.Resampling.BICUBIC, expand=True, fillcolor=(246, 244, 238))


def perspective_coefficients(corners: list[tuple[float, float]], size: tuple[int, int]) -> list:
    """Pillow's PERSPECTIVE data mapping output pixels to the source (width x height) corners."""
    width, height = size
    source = [(0, 0), (width, 0), (width, height), (0, height)]
    rows, values = [], []
    for (x, y), (u, v) in zip(corners, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    return list(np.linalg.solve(np.array(rows, dtype=float), np.array(values, dtype=float)))


def screen_photo(image: Image.Image, rng: random.Random) -> Image.Image:
    """A phone photo of a monitor showing the image: bezel, perspective, glare, blur, noise."""
    screen = ImageOps.expand(image.convert("RGB"), border=max(8, image.width // 25), fill=(15,) * 3)
    width, height = screen.size
    out_w, out_h = int(width * 1.25), int(height * 1.25)

    def jitter(x: float, y: float) -> tuple[float, float]:
        return x + rng.uniform(-0.07, 0.07) * width, y + rng.uniform(-0.07, 0.07) * height

    left, top = (out_w - width) / 2, (out_h - height) / 2
    corners = [jitter(left, top), jitter(left + width, top),
               jitter(left + width, top + height), jitter(left, top + height)]  # fmt: skip
    shot = screen.transform(
        (out_w, out_h),
        Image.Transform.PERSPECTIVE,
        perspective_coefficients(corners, screen.size),
        Image.Resampling.BICUBIC,
        fillcolor=(70, 62, 55),
    )
    pixels = np.asarray(shot, dtype=float) * rng.uniform(0.8, 1.05)
    glare = np.linspace(0, rng.uniform(20, 45), out_w)[None, :, None]
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 4, pixels.shape)
    photo_of_screen = Image.fromarray(np.clip(pixels + glare + noise, 0, 255).astype(np.uint8))
    return photo_of_screen.filter(ImageFilter.GaussianBlur(0.8))


def save_copies(image: Image.Image, stem: Path, rng: random.Random) -> dict[str, Path]:
    """Write the transformed copies of one source; returns transformation name -> path."""
    width, height = image.size
    scale = rng.uniform(0.4, 0.75)
    copies = {
        "resize": (image.resize((int(width * scale), int(height * scale))), "jpg", 90),
        "recompress": (image, "jpg", 30),
        "crop": (random_crop(image, rng), "jpg", 88),
        "border": (bordered(image, rng), "png", None),
        "watermark": (watermark(image, rng), "jpg", 85),
        "colour": (recolour(image, rng), "jpg", 88),
        "screenshot": (screenshot(image, rng), "png", None),
        "format": (image, "webp", 80),
        "mirror": (ImageOps.mirror(image), "jpg", 88),
        "rotate": (rotated(image, rng), "jpg", 88),
        "screen_photo": (screen_photo(image, rng), "jpg", 85),
    }
    written = {}
    for name, (copy, extension, quality) in copies.items():
        path = stem.with_name(f"{stem.name}.{name}.{extension}")
        options = {"quality": quality} if quality else {}
        copy.save(path, **options)
        written[name] = path
    return written
