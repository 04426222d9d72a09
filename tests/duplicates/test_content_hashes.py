"""Content hashes ignore what a re-save or a re-mux changes around the content, not the content."""

import hashlib
import io

from PIL import Image

from assets.validation import media_input
from search.duplicates.algorithms.exact import (
    image_content_hash,
    media_content_hash,
    pdf_content_hash,
)
from tests.duplicates.media import encoded, ffmpeg, scene
from tests.factories import mp4_bytes, pdf_bytes


def test_remuxed_video_with_new_metadata_keeps_its_content_hash(tmp_path):
    original = tmp_path / "goc.mp4"
    original.write_bytes(mp4_bytes(seconds=2))
    remuxed = tmp_path / "dong-goi-lai.mkv"
    ffmpeg("-i", str(original), "-map", "0", "-c", "copy", "-metadata", "title=Bản khác",
           str(remuxed))  # fmt: skip
    reencoded = tmp_path / "ma-hoa-lai.mp4"
    ffmpeg("-i", str(original), "-c:v", "libx264", "-crf", "35", "-c:a", "copy", str(reencoded))

    assert (
        hashlib.sha256(remuxed.read_bytes()).digest()
        != hashlib.sha256(original.read_bytes()).digest()
    )
    original_hash = media_content_hash(media_input(original))
    assert media_content_hash(media_input(remuxed)) == original_hash
    assert media_content_hash(media_input(reencoded)) != original_hash


def test_exif_orientation_and_metadata_do_not_change_the_picture_hash():
    picture = scene(41)
    rotated = picture.rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees clockwise to display": upright, it is the original
    exif[0x010E] = "Chú thích đã sửa"
    tagged = encoded(rotated, "PNG", exif=exif.tobytes())

    assert image_content_hash(io.BytesIO(tagged)) == image_content_hash(
        io.BytesIO(encoded(picture))
    )
    assert image_content_hash(io.BytesIO(encoded(scene(42)))) != image_content_hash(
        io.BytesIO(encoded(picture))
    )


def test_two_scans_with_the_same_layout_have_different_content_hashes():
    """A scanned page's content stream only says "draw the image": the image counts too."""
    light, dark = pdf_bytes(250), pdf_bytes(120)
    assert pdf_content_hash(io.BytesIO(light)) != pdf_content_hash(io.BytesIO(dark))
    assert pdf_content_hash(io.BytesIO(light)) == pdf_content_hash(io.BytesIO(pdf_bytes(250)))


def with_segments_after_start(jpeg: bytes, *segments: bytes) -> bytes:
    """The JPEG with marker segments inserted after its start-of-image marker, byte for byte
    what a metadata editor does (the coded picture is left untouched)."""
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def test_a_jpeg_keeps_its_hash_when_its_metadata_is_rewritten_but_not_its_orientation():
    photo = encoded(scene(43), "JPEG", quality=85, progressive=True)
    caption = Image.Exif()
    caption[0x010E] = "Chú thích đã sửa"
    edited = (
        with_segments_after_start(
            photo,
            segment(0xE1, caption.tobytes()),
            segment(0xED, b"Photoshop 3.0\x00 IPTC"),
            segment(0xFE, "Ảnh của Bộ".encode()),
        )
        + b"trailing bytes after the end of the image"
    )
    turned = Image.Exif()
    turned[0x0112] = 6
    sideways = with_segments_after_start(photo, segment(0xE1, turned.tobytes()))
    reencoded = encoded(scene(43), "JPEG", quality=84, progressive=True)

    assert image_content_hash(io.BytesIO(edited)) == image_content_hash(io.BytesIO(photo))
    assert image_content_hash(io.BytesIO(sideways)) != image_content_hash(io.BytesIO(photo))
    assert image_content_hash(io.BytesIO(reencoded)) != image_content_hash(io.BytesIO(photo))


def test_a_jpeg_cut_short_still_has_a_content_hash_of_its_own():
    photo = encoded(scene(44), "JPEG", quality=85)
    cut = image_content_hash(io.BytesIO(photo[: len(photo) // 2]))
    assert cut != image_content_hash(io.BytesIO(photo))
