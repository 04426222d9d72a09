"""Metadata read from real files: EXIF, IPTC and XMP written by exiftool and Pillow in
Vietnamese, and PDFs written in the test."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from assets.metadata import extract_image_metadata, extract_pdf_metadata

from . import badfiles as make

HANOI = timezone(timedelta(hours=7))
CREATOR = "Nguyễn Văn Đức"
TOPIC = "Chuyển đổi số"

needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None, reason="needs exiftool")


def exiftool(path: Path, *assignments: str) -> Path:
    command = ["exiftool", "-q", "-overwrite_original", "-charset", "iptc=UTF8", *assignments]
    subprocess.run([*command, str(path)], check=True, capture_output=True, timeout=60)
    return path


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "anh.jpg"
    path.write_bytes(make.jpeg((120, 80)))
    return path


EXIF_TAGS = (
    f"-EXIF:Artist={CREATOR}",
    "-EXIF:Copyright=© Bộ Khoa học và Công nghệ",
    f"-EXIF:ImageDescription={TOPIC} trong cơ quan nhà nước",
    "-EXIF:XPTitle=Ngày Khoa học và Công nghệ Việt Nam 18/5",
    "-EXIF:XPKeywords=chuyển đổi số;đổi mới sáng tạo",
    "-EXIF:DateTimeOriginal=2024:05:18 08:30:00",
    "-EXIF:OffsetTimeOriginal=+07:00",
)
IPTC_TAGS = (
    "-IPTC:CodedCharacterSet=UTF8",
    "-IPTC:ObjectName=Hội thảo STEM",
    f"-IPTC:By-line={CREATOR}",
    "-IPTC:By-line=Trần Thị Hà",
    "-IPTC:CopyrightNotice=© Sở KH&CN Đồng Nai",
    "-IPTC:Caption-Abstract=Học sinh trình bày dự án STEM",
    "-IPTC:Keywords=STEM",
    "-IPTC:Keywords=giáo dục",
    "-IPTC:Credit=Ảnh: Sở KH&CN Đồng Nai",
    "-IPTC:DateCreated=2023:10:10",
    "-IPTC:TimeCreated=14:05:00+07:00",
    "-IPTC:City=Biên Hòa",
    "-IPTC:Sub-location=Trường THPT Ngô Quyền",
)
XMP_TAGS = (
    "-XMP-dc:Title=Đổi mới sáng tạo 1/10",
    f"-XMP-dc:Creator={CREATOR}",
    "-XMP-dc:Rights=CC BY 4.0 — Bộ KH&CN",
    "-XMP-dc:Description=Triển lãm đổi mới sáng tạo",
    "-XMP-dc:Subject=đổi mới sáng tạo",
    "-XMP-dc:Subject=khởi nghiệp",
    "-XMP-photoshop:Credit=Ảnh: Cục Thông tin KH&CN",
    "-XMP-photoshop:DateCreated=2022-10-01T09:15:00+07:00",
    "-XMP-photoshop:City=Đà Nẵng",
    "-XMP-iptcCore:Location=Cung Hội nghị",
)


@needs_exiftool
def test_exif_fields_come_out_in_vietnamese(photo):
    exiftool(photo, *EXIF_TAGS, "-EXIF:Orientation#=6")
    meta = extract_image_metadata(photo)
    assert meta.creator == CREATOR
    assert meta.copyright == "© Bộ Khoa học và Công nghệ"
    assert meta.caption == f"{TOPIC} trong cơ quan nhà nước"
    assert meta.title == "Ngày Khoa học và Công nghệ Việt Nam 18/5"
    assert meta.keywords == ["chuyển đổi số", "đổi mới sáng tạo"]
    assert meta.created_at == datetime(2024, 5, 18, 8, 30, tzinfo=HANOI)
    assert (meta.orientation, meta.width, meta.height) == (6, 80, 120)


@needs_exiftool
def test_iptc_fields_in_declared_utf8(photo):
    exiftool(photo, *IPTC_TAGS)
    meta = extract_image_metadata(photo)
    assert meta.title == "Hội thảo STEM"
    assert meta.creator == f"{CREATOR}; Trần Thị Hà"
    assert meta.copyright == "© Sở KH&CN Đồng Nai"
    assert meta.caption == "Học sinh trình bày dự án STEM"
    assert meta.keywords == ["STEM", "giáo dục"]
    assert meta.credit_line == "Ảnh: Sở KH&CN Đồng Nai"
    assert meta.created_at == datetime(2023, 10, 10, 14, 5, tzinfo=HANOI)
    assert (meta.city, meta.location) == ("Biên Hòa", "Trường THPT Ngô Quyền")


@needs_exiftool
def test_iptc_utf8_without_a_declaration_is_still_read(photo):
    exiftool(photo, f"-IPTC:By-line={CREATOR}", f"-IPTC:Keywords={TOPIC}")
    meta = extract_image_metadata(photo)
    assert (meta.creator, meta.keywords) == (CREATOR, [TOPIC])


@needs_exiftool
def test_xmp_fields(photo):
    exiftool(photo, *XMP_TAGS)
    meta = extract_image_metadata(photo)
    assert meta.title == "Đổi mới sáng tạo 1/10"
    assert meta.creator == CREATOR
    assert meta.copyright == "CC BY 4.0 — Bộ KH&CN"
    assert meta.caption == "Triển lãm đổi mới sáng tạo"
    assert meta.keywords == ["đổi mới sáng tạo", "khởi nghiệp"]
    assert meta.credit_line == "Ảnh: Cục Thông tin KH&CN"
    assert meta.created_at == datetime(2022, 10, 1, 9, 15, tzinfo=HANOI)
    assert (meta.city, meta.location) == ("Đà Nẵng", "Cung Hội nghị")


@needs_exiftool
def test_xmp_wins_over_iptc_which_wins_over_exif(photo):
    exiftool(photo, *EXIF_TAGS, *IPTC_TAGS, "-XMP-dc:Title=Tiêu đề từ XMP")
    meta = extract_image_metadata(photo)
    assert meta.title == "Tiêu đề từ XMP"  # XMP only has the title
    assert meta.caption == "Học sinh trình bày dự án STEM"  # IPTC over EXIF
    assert meta.copyright == "© Sở KH&CN Đồng Nai"
    assert meta.created_at == datetime(2023, 10, 10, 14, 5, tzinfo=HANOI)


@needs_exiftool
def test_metadata_of_a_png_written_by_exiftool(tmp_path):
    path = tmp_path / "infographic.png"
    path.write_bytes(make.png())
    exiftool(path, f"-XMP-dc:Creator={CREATOR}", f"-XMP-dc:Subject={TOPIC}")
    meta = extract_image_metadata(path)
    assert (meta.creator, meta.keywords, meta.width, meta.height) == (CREATOR, [TOPIC], 96, 64)


def test_exif_written_by_pillow_with_utf8_text(settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"  # a date without a zone is local time
    exif = Image.Exif()
    exif[315] = CREATOR.encode("utf-8")  # Artist: cameras and tools store UTF-8 in ASCII tags
    exif[0x9C9E] = f"{TOPIC};STEM".encode("utf-16-le") + b"\x00\x00"  # XPKeywords
    exif.get_ifd(0x8769)[36867] = "2024:05:18 08:30:00"  # DateTimeOriginal, local time
    data = make.encoded(make.picture(), "JPEG", exif=exif)
    meta = extract_image_metadata(io.BytesIO(data))
    assert meta.creator == CREATOR
    assert meta.keywords == [TOPIC, "STEM"]
    assert meta.created_at == datetime(2024, 5, 18, 1, 30, tzinfo=UTC)


def test_xmp_packet_written_by_pillow_into_webp():
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Ảnh: TTXVN">'
        '<dc:title><rdf:Alt><rdf:li xml:lang="en">Digital transformation</rdf:li>'
        f'<rdf:li xml:lang="x-default">{TOPIC}</rdf:li></rdf:Alt></dc:title>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    file = io.BytesIO(make.encoded(make.picture(), "WEBP", xmp=packet))
    meta = extract_image_metadata(file)
    assert (meta.title, meta.credit_line) == (TOPIC, "Ảnh: TTXVN")
    assert file.tell() == 0


def test_image_without_metadata_gives_only_its_size():
    meta = extract_image_metadata(io.BytesIO(make.png()))
    assert (meta.title, meta.creator, meta.keywords, meta.created_at) == (None, None, [], None)
    assert (meta.width, meta.height, meta.orientation) == (96, 64, 1)


def test_pdf_information_page_count_and_text():
    data = make.pdf(
        ["Hello from page one", "Second page: STEM and innovation", "Page three"],
        info={
            "Title": "Sổ tay truyền thông chuyển đổi số",
            "Author": CREATOR,
            "Subject": "Nghị quyết 57-NQ/TW",
            "Keywords": "chuyển đổi số, khoa học; STEM",
            "CreationDate": "D:20241222093000+07'00'",
        },
    )
    file = io.BytesIO(data)
    meta = extract_pdf_metadata(file)
    assert meta.title == "Sổ tay truyền thông chuyển đổi số"
    assert meta.author == CREATOR
    assert meta.subject == "Nghị quyết 57-NQ/TW"
    assert meta.keywords == ["chuyển đổi số", "khoa học", "STEM"]
    assert meta.created_at == datetime(2024, 12, 22, 9, 30, tzinfo=HANOI)
    assert meta.page_count == 3
    assert meta.text.split("\n\n") == [
        "Hello from page one",
        "Second page: STEM and innovation",
        "Page three",
    ]
    assert meta.text_truncated is False
    assert file.tell() == 0


def test_pdf_text_is_capped_by_the_setting(settings, tmp_path):
    settings.ASSET_PDF_TEXT_MAX_CHARS = 25
    path = tmp_path / "dai.pdf"
    path.write_bytes(make.pdf([f"Page number {n} of a long report" for n in range(1, 40)]))
    meta = extract_pdf_metadata(path)
    assert meta.page_count == 39
    assert meta.text == "Page number 1 of a long r"
    assert meta.text_truncated is True


def test_pdf_without_information_dictionary_entries():
    meta = extract_pdf_metadata(io.BytesIO(make.pdf(["Only text"])))
    assert (meta.title, meta.author, meta.keywords, meta.created_at) == (None, None, [], None)
    assert (meta.page_count, meta.text) == (1, "Only text")
