"""Uploading through the admin: good files become assets with their facts; bad files are refused
with a specific message and leave no row and no stored file behind."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from tests.factories import mp4_bytes, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

ADD_URLS = {
    ImageAsset: reverse("wagtailimages:add"),
    DocumentAsset: reverse("wagtaildocs:add"),
    MediaAsset: reverse("wagtailmedia:add", args=["video"]),
}


def stored_files(prefix: str = "") -> list[str]:
    """Every file under `prefix` in the configured storage (local folder or S3)."""
    try:
        folders, files = default_storage.listdir(prefix)
    except FileNotFoundError:
        return []
    names = [f"{prefix}{name}" for name in files]
    for folder in folders:
        names += stored_files(f"{prefix}{folder}/")
    return names


def post_upload(client, model, file, **extra):
    kind = {ImageAsset: "infographic", DocumentAsset: "pdf", MediaAsset: "clip"}[model]
    data = {
        "title": "Tệp thử",
        "file": file,
        "collection": extra.pop("collection"),
        "kind": kind,
        "language": "vi",
        **extra,
    }
    return client.post(ADD_URLS[model], data, headers={"Accept-Language": "en"})


@pytest.mark.parametrize(
    "model,name,content",
    [
        (ImageAsset, "anh.png", png_bytes()),
        (DocumentAsset, "tai-lieu.pdf", pdf_bytes()),
        (MediaAsset, "video.mp4", mp4_bytes()),
    ],
)
def test_good_upload_becomes_an_asset_with_hash_and_owner(
    client, editor_a, agency_a, model, name, content
):
    client.force_login(editor_a)
    response = post_upload(client, model, upload(name, content), collection=agency_a.collection_id)
    assert response.status_code == 302, response.content[:2000]
    asset = model.objects.get()
    assert asset.agency == agency_a
    assert len(asset.content_sha256) == 64 and asset.byte_size == len(content)
    assert asset.file.name.startswith(f"originals/{asset.content_sha256[:2]}/")
    assert default_storage.exists(asset.file.name)


@pytest.mark.parametrize(
    "model,name,content,code",
    [
        (ImageAsset, "rong.png", b"", "empty"),
        (ImageAsset, "anh.jpg", b"<html><script>alert(1)</script></html>", "html_disguised"),
        (
            ImageAsset,
            "anh.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "svg_script",
        ),
        (ImageAsset, "cat-doi.png", png_bytes()[:60], "truncated_image"),
        (DocumentAsset, "gia.pdf", png_bytes(), "type_not_allowed"),
        (DocumentAsset, "cat.pdf", pdf_bytes()[:200], "truncated_pdf"),
        (MediaAsset, "hong.mp4", mp4_bytes()[:3000], "truncated_media"),
        (MediaAsset, "chuong-trinh.mp4", b"\x7fELF" + b"\0" * 2000, "executable"),
    ],
)
def test_bad_upload_is_refused_and_leaves_nothing(
    client, editor_a, agency_a, model, name, content, code
):
    client.force_login(editor_a)
    before = stored_files()
    response = post_upload(client, model, upload(name, content), collection=agency_a.collection_id)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data().get("file", [])
    assert errors and errors[0].code == code, errors
    assert name in " ".join(errors[0].messages)  # the message names the file
    assert not model.objects.exists()
    assert stored_files() == before


def test_upload_cannot_land_in_another_agencys_collection(client, editor_a, agency_a, agency_b):
    client.force_login(editor_a)
    post_upload(
        client, ImageAsset, upload("anh.png", png_bytes()), collection=agency_b.collection_id
    )
    assert not ImageAsset.objects.filter(collection=agency_b.collection).exists()
    assert set(ImageAsset.objects.values_list("agency", flat=True)) <= {agency_a.pk}


def test_upload_prefills_metadata_from_the_file(client, editor_a, agency_a, tmp_path):
    import subprocess

    from PIL import Image

    path = tmp_path / "hoi-thao.jpg"
    Image.new("RGB", (80, 60), (10, 120, 200)).save(path, "JPEG")
    subprocess.run(
        [
            "exiftool",
            "-q",
            "-overwrite_original",
            "-charset",
            "iptc=UTF8",
            "-XMP-dc:Creator=Nguyễn Văn Đức",
            "-IPTC:CopyrightNotice=Sở KH&CN Đồng Nai",
            "-EXIF:ImageDescription=Hội thảo chuyển đổi số",
            "-IPTC:Keywords=chuyển đổi số",
            str(path),
        ],
        check=True,
    )
    client.force_login(editor_a)
    response = post_upload(
        client, ImageAsset, upload(path.name, path.read_bytes()), collection=agency_a.collection_id
    )
    assert response.status_code == 302
    image = ImageAsset.objects.get()
    assert image.creator == "Nguyễn Văn Đức"
    assert image.copyright_holder == "Sở KH&CN Đồng Nai"
    assert image.description == "Hội thảo chuyển đổi số"
    assert list(image.tags.names()) == ["chuyển đổi số"]
