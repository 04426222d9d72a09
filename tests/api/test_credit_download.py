"""Downloads carry the credit line inside the file (XMP in JPEG and PNG), pixels untouched, and
are named as uploaded."""

import io
import subprocess

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from assets.delivery.credit import Credit, embed_credit
from assets.ingest import create_asset
from assets.models import ImageAsset

pytestmark = pytest.mark.django_db


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (10, 120, 200)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (200, 120, 10)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("make", [jpeg_bytes, png_bytes])
def test_the_credit_goes_into_the_file_and_the_pixels_stay(make, tmp_path):
    original = make()
    credit = Credit(credit_line="Ảnh: Bộ KH&CN / CC BY 4.0", creator="Nguyễn Văn A")
    credited = embed_credit(original, credit)
    assert credited is not None and credited != original
    assert embed_credit(credited, credit).count(b"photoshop:Credit>") == 2  # replaced, not added
    with Image.open(io.BytesIO(credited)) as image, Image.open(io.BytesIO(original)) as before:
        assert image.tobytes() == before.tobytes()
    path = tmp_path / "credited"
    path.write_bytes(credited)
    read = subprocess.run(
        ["exiftool", "-s3", "-XMP-photoshop:Credit", "-XMP-dc:Creator", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert read.stdout.splitlines() == ["Ảnh: Bộ KH&CN / CC BY 4.0", "Nguyễn Văn A"]


def test_the_api_download_is_credited_and_named(client, agency_a, licence):
    asset = create_asset(
        ImageAsset,
        ContentFile(jpeg_bytes(), name="x.jpg"),
        filename="Ảnh hội nghị.jpg",
        collection=agency_a.collection,
        title="Hội nghị",
        is_published=True,
        licence=licence,
        creator="Trần B",
    )
    answer = client.get(f"/api/v3/images/{asset.pk}/download/")
    assert answer.status_code == 200
    assert (
        "filename*=UTF-8''%E1%BA%A2nh%20h%E1%BB%99i%20ngh%E1%BB%8B.jpg"
        in (answer["Content-Disposition"])
    )
    xmp = Image.open(io.BytesIO(answer.content)).getxmp()
    description = xmp["xmpmeta"]["RDF"]["Description"]
    assert "Trần B" in description["Credit"]
    assert description["WebStatement"] == licence.url
