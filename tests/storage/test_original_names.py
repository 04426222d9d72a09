"""Original file names (issue 13 item 4): kept at every upload door, shown in the admin lists and
given to downloads, while the stored key stays the content hash."""

from urllib.parse import quote, unquote

import pytest
import requests
from django.core.files.base import ContentFile
from django.urls import reverse

from assets.delivery.filenames import (
    ascii_fallback,
    clean_original_filename,
    content_disposition,
)
from assets.ingest import create_asset
from assets.models import DocumentAsset, ImageAsset, MediaAsset
from tests.factories import mp4_bytes, pdf_bytes, png_bytes, upload

from . import tus_helpers as tus
from .conftest import token_for
from .media_files import noise_png

VIETNAMESE_NAME = "Báo cáo chuyển đổi số Đồng Nai.pdf"


def test_names_are_cleaned_of_paths_and_control_characters():
    assert clean_original_filename("C:\\Users\\an\\Ảnh đẹp.png") == "Ảnh đẹp.png"
    assert clean_original_filename("../../etc/passwd") == "passwd"
    assert clean_original_filename("a\x00b\nc.png") == "abc.png"
    assert clean_original_filename("..") == ""
    long = clean_original_filename("x" * 400 + ".mp4")
    assert len(long) == 255 and long.endswith(".mp4")


def test_content_disposition_has_an_ascii_fallback_and_the_real_name():
    header = content_disposition(VIETNAMESE_NAME, attachment=True)
    assert header.startswith('attachment; filename="Bao cao chuyen doi so Dong Nai.pdf"')
    assert header.endswith("filename*=UTF-8''" + quote(VIETNAMESE_NAME, safe=""))
    assert content_disposition("plain.pdf", attachment=False) == 'inline; filename="plain.pdf"'
    assert ascii_fallback('say "hi".pdf') == "say 'hi'.pdf"


@pytest.mark.django_db
def test_create_asset_keeps_the_name_and_stores_under_the_hash(agency_a):
    asset = create_asset(
        DocumentAsset,
        ContentFile(pdf_bytes(), name="x.pdf"),
        filename=VIETNAMESE_NAME,
        collection=agency_a.collection,
        title="Báo cáo",
    )
    assert asset.original_filename == VIETNAMESE_NAME
    assert asset.filename == VIETNAMESE_NAME
    assert asset.file.name.endswith(f"{asset.content_sha256}.pdf")


ADD_FORMS = [
    (ImageAsset, "wagtailimages:add", [], "Ảnh hội thảo.png", png_bytes),
    (DocumentAsset, "wagtaildocs:add", [], VIETNAMESE_NAME, pdf_bytes),
    (MediaAsset, "wagtailmedia:add", ["video"], "Phóng sự số hóa.mp4", mp4_bytes),
]
KINDS = {ImageAsset: "infographic", DocumentAsset: "pdf", MediaAsset: "clip"}
LISTS = {
    ImageAsset: "wagtailimages:index",
    DocumentAsset: "wagtaildocs:index",
    MediaAsset: "wagtailmedia:index",
}


@pytest.mark.django_db
@pytest.mark.parametrize("model,url_name,args,name,make", ADD_FORMS)
def test_admin_forms_keep_the_name_and_lists_show_it(
    client, editor_a, agency_a, model, url_name, args, name, make
):
    client.force_login(editor_a)
    data = {
        "title": "Tệp thử",
        "file": upload(name, make()),
        "collection": agency_a.collection_id,
        "language": "vi",
        "kind": KINDS[model],
    }
    response = client.post(reverse(url_name, args=args), data)
    assert response.status_code == 302, response.content[:2000]
    asset = model.objects.get()
    assert asset.original_filename == name
    assert name not in asset.file.name
    listing = client.get(reverse(LISTS[model]), {"layout": "list"}).content.decode()
    assert name in listing or name.replace("&", "&amp;") in listing


@pytest.mark.django_db
def test_the_multiple_image_uploader_keeps_the_name(client, editor_a, agency_a):
    client.force_login(editor_a)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("Sơ đồ tổ chức.png", png_bytes()), "collection": agency_a.collection_id},
    )
    assert response.status_code == 200 and response.json()["success"], response.content[:1000]
    assert ImageAsset.objects.get().original_filename == "Sơ đồ tổ chức.png"


@pytest.mark.django_db
def test_a_document_downloads_under_its_original_name(client, agency_a):
    # Made once: Pillow writes the current second into the PDF, so two calls may differ.
    content = pdf_bytes()
    asset = create_asset(
        DocumentAsset,
        ContentFile(content, name="x.pdf"),
        filename=VIETNAMESE_NAME,
        collection=agency_a.collection,
        title="Báo cáo",
        is_published=True,
    )
    assert unquote(asset.url).endswith(VIETNAMESE_NAME)
    response = client.get(asset.url + "?download=1")
    expected = content_disposition(VIETNAMESE_NAME, attachment=True)
    if response.status_code == 302:  # S3: the presigned URL asks S3 for the same header
        fetched = requests.get(response["Location"], timeout=10)
        assert fetched.headers["Content-Disposition"] == expected
        assert fetched.content == content
        return
    assert response.status_code == 200
    assert response["Content-Disposition"] == expected
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db(transaction=True)
def test_a_resumable_upload_keeps_the_name(client, live_server, agency_a, editor_a, tmp_path):
    path = tmp_path / "upload.png"
    path.write_bytes(noise_png((300, 200)))
    token = token_for(editor_a)
    sent = tus.uploader(live_server, token, path, {"filename": "Ảnh chụp màn hình (1).png"})
    sent.upload()
    answer = tus.status(sent.url, token)
    assert answer["status"] == "complete", answer
    asset = ImageAsset.objects.get(pk=answer["asset"]["id"])
    assert asset.original_filename == "Ảnh chụp màn hình (1).png"
    # (The Django test client, not the live server: LiveServerTestCase serves MEDIA_URL itself,
    # past the access check of the file view.)
    client.force_login(editor_a)
    served = client.get(f"/assets/files/{asset.file.name}", {"download": "1"})
    assert served.status_code in (200, 302)
    header = (
        served["Content-Disposition"] if served.status_code == 200 else unquote(served["Location"])
    )
    assert "Ảnh chụp màn hình (1).png" in unquote(header)
