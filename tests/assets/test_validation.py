"""The upload checks: every bad file refused with its own code and a message that names the
problem; every good kind accepted with the right facts; nothing left behind; position reset."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils import translation
from PIL import ImageFile

from assets import isolation
from assets.validation import UploadRejected, validate_upload
from assets.validation.reading import local_path

from . import badfiles as make

ALL_FAMILIES = ("image", "svg", "document", "video", "audio")


@pytest.fixture(autouse=True)
def private_tempdir(tmp_path, monkeypatch):
    """Validation's own temporary files go in a folder of ours, which must be empty after."""
    isolation.start()  # its socket folder is the decoders' process's, not validation's
    folder = tmp_path / "spool"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == []


@dataclass
class Bad:
    build: Callable[[Path], bytes]
    filename: str
    code: str
    says: tuple[str, ...]
    allowed: tuple[str, ...] = ALL_FAMILIES
    limits: dict[str, int] = field(default_factory=dict)


def _mp4_cut_in_half(folder: Path) -> bytes:
    return make.cut(make.video_clip(folder).read_bytes())


def _faststart_mp4_cut(folder: Path) -> bytes:
    clip = make.video_clip(folder, "whole.mp4")
    fast = make.ffmpeg(
        folder / "fast.mp4", "-i", str(clip), "-c", "copy", "-movflags", "+faststart"
    )
    return make.cut(fast.read_bytes(), 0.7)


BAD_FILES = {
    "empty file": Bad(lambda _: b"", "anh.jpg", "empty", ("anh.jpg", "0 bytes")),
    "PNG named .jpg": Bad(
        lambda _: make.png(), "anh.jpg", "mismatched_extension", (".jpg", "PNG image", ".png")
    ),
    "JPEG cut halfway": Bad(
        lambda _: make.cut(make.jpeg((400, 300))), "anh.jpg", "truncated_image", ("incomplete",)
    ),
    "random bytes named .png": Bad(
        lambda _: make.random_bytes(), "anh.png", "corrupt_image", ("PNG image", "not one")
    ),
    "PNG with a broken checksum": Bad(
        lambda _: make.png_with_bad_crc(), "anh.png", "corrupt_image", ("damaged",)
    ),
    "PNG declaring 100000×100000": Bad(
        lambda _: make.png_declaring(100_000, 100_000),
        "bom.png",
        "decompression_bomb",
        ("decompression bomb", "10000 megapixels"),
    ),
    "real 20000×20000 1-bit PNG": Bad(
        lambda _: make.png_bomb(), "bom.png", "decompression_bomb", ("400 megapixels",)
    ),
    "photo over the pixel limit": Bad(
        lambda _: make.jpeg((120, 100)),
        "anh.jpg",
        "too_many_pixels",
        ("120×100", "at most 0.01 megapixels"),
        limits={"image_max_pixels": 10_000},
    ),
    "image over the byte limit": Bad(
        lambda _: make.jpeg((400, 300)),
        "anh.jpg",
        "too_large",
        ("JPEG image", "at most 2.0"),
        limits={"image_max_bytes": 2048},
    ),
    "SVG with <script>": Bad(
        lambda _: make.svg("<script>alert(1)</script>"), "hinh.svg", "svg_script", ("<script>",)
    ),
    "SVG with onload=": Bad(
        lambda _: make.svg(root_attributes='onload="alert(1)"'),
        "hinh.svg",
        "svg_event_handler",
        ("onload",),
    ),
    "SVG with a javascript: link": Bad(
        lambda _: make.svg('<a xlink:href="java&#x09;script:alert(1)"><text>x</text></a>'),
        "hinh.svg",
        "svg_javascript_url",
        ("script:alert(1)", "href"),
    ),
    "SVG animating href to javascript:": Bad(
        lambda _: make.svg('<a><set attributeName="href" to="javascript:alert(1)"/></a>'),
        "hinh.svg",
        "svg_javascript_url",
        ("javascript:alert(1)",),
    ),
    "SVG with XXE": Bad(
        lambda _: make.svg("<text>&secret;</text>", prolog=make.XXE_DOCTYPE),
        "hinh.svg",
        "svg_entities",
        ("entities",),
    ),
    "SVG billion laughs": Bad(
        lambda _: make.svg("<text>&lol9;</text>", prolog=make.BILLION_LAUGHS_DOCTYPE),
        "hinh.svg",
        "svg_entities",
        ("entities",),
    ),
    "SVG with <foreignObject>": Bad(
        lambda _: make.svg("<foreignObject><p>xin chào</p></foreignObject>"),
        "hinh.svg",
        "svg_foreign_object",
        ("foreignObject",),
    ),
    "SVG loading a remote image": Bad(
        lambda _: make.svg('<image href="http://evil.example/x.png" width="9" height="9"/>'),
        "hinh.svg",
        "svg_external_reference",
        ("http://evil.example/x.png",),
    ),
    "SVG with a remote stylesheet": Bad(
        lambda _: make.svg("<style>@import url(http://evil.example/a.css);</style>"),
        "hinh.svg",
        "svg_external_reference",
        ("@import",),
    ),
    "SVG not well formed": Bad(
        lambda _: make.svg("<rect></circle>"), "hinh.svg", "corrupt_svg", ("well-formed",)
    ),
    "PDF cut in half": Bad(
        lambda _: make.cut(make.pdf()), "tai-lieu.pdf", "truncated_pdf", ("incomplete PDF",)
    ),
    "PDF with JavaScript OpenAction": Bad(
        lambda _: make.pdf_with_open_action_javascript(),
        "tai-lieu.pdf",
        "pdf_javascript",
        ("JavaScript", "/JS"),
    ),
    "PDF with a Launch action": Bad(
        lambda _: make.pdf_with_launch_action(),
        "tai-lieu.pdf",
        "pdf_launch_action",
        ("/Launch",),
    ),
    "PDF with an embedded file": Bad(
        lambda _: make.pdf_with_embedded_file(),
        "tai-lieu.pdf",
        "pdf_embedded_file",
        ("/EmbeddedFiles",),
    ),
    "encrypted PDF": Bad(
        lambda _: make.encrypted_pdf(), "tai-lieu.pdf", "encrypted_pdf", ("password",)
    ),
    "PDF whose objects are garbage": Bad(
        lambda _: make.pdf_with_broken_objects(), "tai-lieu.pdf", "corrupt_pdf", ("damaged PDF",)
    ),
    "PDF that pdfium cannot open": Bad(
        lambda _: make.pdf_with_a_broken_trailer(),
        "tai-lieu.pdf",
        "corrupt_pdf",
        ("damaged PDF", "Data format error"),
    ),
    "PDF over the page limit": Bad(
        lambda _: make.pdf(["1", "2", "3"]),
        "tai-lieu.pdf",
        "too_many_pages",
        ("3 pages", "at most 2 pages"),
        limits={"pdf_max_pages": 2},
    ),
    "text named .pdf": Bad(
        lambda _: b"Quyet dinh so 1169/QD-TTg\n", "tai-lieu.pdf", "corrupt_pdf", ("PDF document",)
    ),
    "ELF program named .jpg": Bad(
        lambda _: make.real_executable(), "anh.jpg", "executable", ("ELF",)
    ),
    "Windows program named .jpg": Bad(
        lambda _: make.windows_executable(), "anh.jpg", "executable", ("Windows",)
    ),
    "shell script named .png": Bad(
        lambda _: make.shell_script(), "anh.png", "executable", ("script",)
    ),
    "HTML page named .png": Bad(
        lambda _: make.html_page(), "anh.png", "html_disguised", ("web page",)
    ),
    "ZIP named .pdf": Bad(lambda _: make.zip_archive(), "tai-lieu.pdf", "archive", ("ZIP",)),
    "JPEG with a ZIP appended": Bad(
        lambda _: make.jpeg() + make.zip_archive({"a.txt": b"hi"}),
        "anh.jpg",
        "polyglot",
        ("JPEG image", "ZIP"),
    ),
    "GIF carrying PHP": Bad(
        lambda _: make.gif_with_comment(b"<?php system($_GET['c']); ?>"),
        "anh.gif",
        "polyglot",
        ("<?php",),
    ),
    "TIFF image": Bad(
        lambda _: make.encoded(make.picture(), "TIFF"),
        "anh.tif",
        "type_not_allowed",
        ("TIFF image",),
        allowed=("image", "svg"),
    ),
    "PDF uploaded as an image": Bad(
        lambda _: make.pdf(),
        "tai-lieu.pdf",
        "type_not_allowed",
        ("PDF document", "SVG drawings"),
        allowed=("image", "svg"),
    ),
    "video where only audio is accepted": Bad(
        lambda folder: make.video_clip(folder).read_bytes(),
        "clip.mp4",
        "type_not_allowed",
        ("MP4 media file", "audio files"),
        allowed=("audio",),
    ),
    "name without extension": Bad(lambda _: make.png(), "anh", "missing_extension", ("anh.png",)),
    "text of unknown type": Bad(
        lambda _: b"just words", "ghi-chu.txt", "unknown_type", ("could not be recognised",)
    ),
    "MP4 cut in half": Bad(_mp4_cut_in_half, "clip.mp4", "truncated_media", ("incomplete", "mdat")),
    "MP4 without its index": Bad(
        lambda folder: make.without_top_level_box(make.video_clip(folder).read_bytes(), b"moov"),
        "clip.mp4",
        "truncated_media",
        ("no index", "moov"),
    ),
    "fast-start MP4 cut short": Bad(
        _faststart_mp4_cut, "clip.mp4", "truncated_media", ("incomplete", "mdat")
    ),
    "random bytes named .mp4": Bad(
        lambda _: make.random_bytes(), "clip.mp4", "corrupt_media", ("not a readable",)
    ),
    "audio over the duration limit": Bad(
        lambda folder: make.audio_clip(folder, "a.mp3", 3, "-c:a", "libmp3lame").read_bytes(),
        "bai-hat.mp3",
        "too_long",
        ("0:00:03", "at most 0:00:02"),
        limits={"media_max_duration_seconds": 2},
    ),
    "video over the byte limit": Bad(
        lambda folder: make.video_clip(folder).read_bytes(),
        "clip.mp4",
        "too_large",
        ("MP4 media file", "at most 1.0"),
        limits={"media_max_bytes": 1024},
    ),
}


def test_the_bad_file_suite_is_large_enough():
    assert len({case.code for case in BAD_FILES.values()}) >= 25
    assert len(BAD_FILES) >= 40


@pytest.mark.parametrize("case", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_is_refused_with_its_own_code_and_message(case: Bad, tmp_path, settings):
    settings.ASSET_UPLOAD_LIMITS = {**settings.ASSET_UPLOAD_LIMITS, **case.limits}
    upload = SimpleUploadedFile(case.filename, case.build(tmp_path))
    # The fragments are the English source text; the Vietnamese catalogue may translate them.
    with translation.override("en"), pytest.raises(UploadRejected) as refused:
        validate_upload(upload, filename=case.filename, allowed=case.allowed)
    assert refused.value.code == case.code
    with translation.override("en"):
        message = refused.value.text
    assert case.filename in message
    for fragment in case.says:
        assert fragment in message, message
    assert upload.tell() == 0


GOOD_IMAGES = {
    "jpg": ("JPEG", "image/jpeg"),
    "png": ("PNG", "image/png"),
    "gif": ("GIF", "image/gif"),
    "webp": ("WEBP", "image/webp"),
    "avif": ("AVIF", "image/avif"),
    "heic": ("HEIF", "image/heic"),
}


@pytest.mark.parametrize("extension", GOOD_IMAGES)
def test_good_images_are_accepted(extension):
    image_format, mime = GOOD_IMAGES[extension]
    data = make.encoded(make.picture((96, 64)), image_format)
    upload = SimpleUploadedFile(f"anh.{extension}", data)
    sniffed = validate_upload(upload, filename=upload.name, allowed=("image",))
    assert (sniffed.family, sniffed.mime, sniffed.extension) == ("image", mime, extension)
    assert (sniffed.width, sniffed.height, sniffed.size) == (96, 64, len(data))
    assert upload.tell() == 0


def test_jpeg_extension_is_accepted_and_canonicalised():
    sniffed = validate_upload(io.BytesIO(make.jpeg()), filename="ANH.JPEG", allowed=("image",))
    assert sniffed.extension == "jpg"


@pytest.mark.parametrize(
    "prolog, body",
    [
        ("", ""),
        (make.ILLUSTRATOR_DOCTYPE, '<a href="https://mst.gov.vn"><text>Bộ KH&amp;CN</text></a>'),
        ("", '<use href="#r"/><rect id="r" width="1" height="1" style="fill:url(#g)"/>'),
    ],
    ids=["plain", "doctype and a link", "local references"],
)
def test_clean_svg_is_accepted(prolog, body):
    sniffed = validate_upload(
        io.BytesIO(make.svg(body, prolog=prolog)), filename="logo.svg", allowed=("svg",)
    )
    assert (sniffed.family, sniffed.mime, sniffed.width, sniffed.height) == (
        "svg",
        "image/svg+xml",
        120,
        80,
    )


def test_svg_size_comes_from_the_view_box():
    data = make.svg(root_attributes='viewBox="0 0 300 150"')
    sniffed = validate_upload(io.BytesIO(data), filename="logo.svg", allowed=("svg",))
    assert (sniffed.width, sniffed.height) == (300, 150)


def test_pdf_is_accepted_with_its_page_count():
    data = make.pdf(["Trang 1", "Trang 2", "Trang 3"], info={"Title": "Chuyển đổi số"})
    sniffed = validate_upload(io.BytesIO(data), filename="so-tay.pdf", allowed=("document",))
    assert (sniffed.family, sniffed.mime, sniffed.extension, sniffed.pages) == (
        "document",
        "application/pdf",
        "pdf",
        3,
    )


MEDIA = {
    "mp4 video": ("clip.mp4", "video", "video/mp4", "mp4"),
    "mp3": ("a.mp3", "audio", "audio/mpeg", "mp3"),
    "m4a": ("a.m4a", "audio", "audio/mp4", "m4a"),
    "ogg opus": ("a.ogg", "audio", "audio/ogg", "ogg"),
    "wav": ("a.wav", "audio", "audio/wav", "wav"),
    "webm video": ("clip.webm", "video", "video/webm", "webm"),
}
MEDIA_CODECS = {
    "mp3": ("-c:a", "libmp3lame"),
    "m4a": ("-c:a", "aac"),
    "ogg opus": ("-c:a", "libopus"),
    "wav": (),
}


def _media_file(kind: str, folder: Path) -> Path:
    name = MEDIA[kind][0]
    if kind == "mp4 video":
        return make.video_clip(folder)
    if kind == "webm video":
        clip = make.video_clip(folder, "source.mp4")
        return make.ffmpeg(folder / name, "-i", str(clip), "-c:v", "libvpx", "-b:v", "200k",
                           "-deadline", "realtime", "-c:a", "libopus")  # fmt: skip
    return make.audio_clip(folder, name, 1.0, *MEDIA_CODECS[kind])


@pytest.mark.parametrize("kind", MEDIA)
def test_media_is_accepted_as_video_or_audio(kind, tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    name, family, mime, extension = MEDIA[kind]
    path = _media_file(kind, tmp_path)
    upload = TemporaryUploadedFile(name, "application/octet-stream", path.stat().st_size, None)
    upload.write(path.read_bytes())
    upload.seek(0)
    sniffed = validate_upload(upload, filename=name, allowed=("video", "audio"))
    assert (sniffed.family, sniffed.mime, sniffed.extension) == (family, mime, extension)
    assert sniffed.duration == pytest.approx(1.0, abs=0.1)
    if family == "video":
        assert (sniffed.width, sniffed.height) == (160, 90)
    assert upload.tell() == 0
    upload.close()


def test_audio_in_an_mp4_container_is_audio(tmp_path):
    path = make.audio_clip(tmp_path, "giong-doc.mp4", 1.0, "-c:a", "aac")
    with path.open("rb") as handle:
        sniffed = validate_upload(handle, filename=path.name, allowed=("video", "audio"))
    assert (sniffed.family, sniffed.mime, sniffed.extension) == ("audio", "audio/mp4", "m4a")


class ReadRecorder(io.BytesIO):
    """A file that remembers how much was asked of it at once."""

    largest_read = 0

    def read(self, size: int | None = -1) -> bytes:
        asked = len(self.getbuffer()) if size is None or size < 0 else size
        self.largest_read = max(self.largest_read, asked)
        return super().read(size)


def test_media_without_a_path_is_spooled_in_chunks(tmp_path):
    data = make.audio_clip(tmp_path, "a.wav", 20.0, "-ar", "48000", "-ac", "2").read_bytes()
    assert len(data) > 3 * 1024 * 1024
    upload = ReadRecorder(data)
    sniffed = validate_upload(upload, filename="a.wav", allowed=("audio",))
    assert sniffed.duration == pytest.approx(20.0, abs=0.1)
    assert upload.largest_read <= 1024 * 1024


def test_local_path_uses_the_file_on_disk_or_a_temporary_copy(tmp_path, private_tempdir):
    on_disk = tmp_path / "a.bin"
    on_disk.write_bytes(b"abc")
    with on_disk.open("rb") as handle, local_path(handle) as path:
        assert path == on_disk
    with local_path(io.BytesIO(b"abc"), suffix=".bin") as path:
        assert path.parent == private_tempdir and path.read_bytes() == b"abc"
    assert not path.exists()


def test_limits_fall_back_to_defaults_when_the_setting_is_missing(settings):
    del settings.ASSET_UPLOAD_LIMITS
    from assets.validation import upload_limits

    limits = upload_limits()
    assert limits.image_max_bytes == 50 * 1024 * 1024
    assert limits.media_max_duration_seconds == 6 * 3600


def test_truncated_images_are_never_loaded():
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_refusal_is_a_django_validation_error():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        validate_upload(io.BytesIO(b""), filename="x.png", allowed=("image",))
    assert refused.value.code == "empty"


@pytest.mark.parametrize(
    "filename, build",
    [
        ("so-tay.pdf", lambda: make.pdf(["x" * 2000] * 600)),
        ("anh.png", lambda: make.noise_png()),
    ],
    ids=["pdf", "png"],
)
def test_documents_and_images_are_read_in_bounded_pieces(filename, build):
    data = build()
    upload = ReadRecorder(data)
    validate_upload(upload, filename=filename, allowed=("image", "document"))
    assert len(data) > 1024 * 1024
    assert upload.largest_read <= 1024 * 1024
