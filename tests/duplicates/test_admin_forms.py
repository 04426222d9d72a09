"""The other admin doors check for copies too: Wagtail's multiple document uploader shows the
confirmation above each file's form, and the single-file add forms (image, document, media) lead
to a review page instead of the list when the saved file is already in the library."""

import re

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import UploadedFile

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from search.duplicates.models import DuplicateDecision, DuplicateMember
from search.keys import key_for
from tests.duplicates.library import REPORT, press, report_pdf, store, upload_in_admin
from tests.duplicates.media import encoded, recoloured, scene
from tests.factories import mp4_bytes, upload

pytestmark = pytest.mark.django_db


def upload_documents(client, agency, content: bytes, name: str) -> dict:
    return upload_in_admin(client, agency, content, name, uploader="wagtaildocs:add_multiple")


def add_with_form(client, url: str, agency, content: bytes, name: str, kind: str):
    data = {
        "title": name,
        "file": upload(name, content),
        "collection": agency.collection_id,
        "kind": kind,
        "language": "vi",
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


def test_the_document_uploader_offers_an_exact_copy_above_the_form(
    client, agency_a, agency_b, editor_b
):
    original = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    client.force_login(editor_b)
    answer = upload_documents(client, agency_b, report_pdf(), "ban-sao.pdf")
    assert answer["duplicate"] is True
    html = answer["form"]
    assert "data-above-form" in html and agency_a.name in html
    assert 'data-exact="true" data-signal="sha256"' in html
    assert html.index("data-duplicate-matches") < html.index("<form action=")  # above the form

    assert press(client, html, "reuse").json() == {"success": True}
    assert list(DocumentAsset.objects.all()) == [original]
    assert DuplicateDecision.objects.get().decision == "reuse"


def test_the_document_uploader_finds_the_same_text_in_another_pdf(
    client, agency_a, agency_b, editor_b
):
    original = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    client.force_login(editor_b)
    relaid = report_pdf([" ".join(REPORT[:2]), REPORT[2]], Title="Ban tin so hoa")
    answer = upload_documents(client, agency_b, relaid, "ban-tin.pdf")
    assert answer["duplicate"] is True
    assert 'data-exact="false" data-signal="minhash"' in answer["form"]
    mine = DocumentAsset.objects.exclude(pk=original.pk).get()

    assert press(client, answer["form"], "new_version").status_code == 200
    members = dict(DuplicateMember.objects.values_list("key", "relation"))
    assert members == {key_for(original): "original", key_for(mine): "version"}


def test_the_document_uploader_passes_a_new_document_straight_to_its_form(
    client, agency_a, agency_b, editor_b
):
    store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    client.force_login(editor_b)
    other = report_pdf(["Mot tai lieu hoan toan khac, ngan gon."])
    answer = upload_documents(client, agency_b, other, "khac.pdf")
    assert answer["duplicate"] is False
    assert "data-duplicate-matches" not in answer["form"]


@pytest.mark.parametrize(
    "model,url_name,args,content,name,kind",
    [
        (ImageAsset, "wagtailimages:add", [], encoded(scene(41)), "anh.png", "infographic"),
        (DocumentAsset, "wagtaildocs:add", [], report_pdf(), "bao-cao.pdf", "pdf"),
        (MediaAsset, "wagtailmedia:add", ["video"], mp4_bytes(), "clip.mp4", "clip"),
    ],
)
def test_a_single_file_form_leads_a_copy_to_the_review_page(
    client, agency_a, agency_b, editor_b, model, url_name, args, content, name, kind
):
    original = store(agency_a, content, name, model=model)
    client.force_login(editor_b)
    response = add_with_form(client, reverse(url_name, args=args), agency_b, content, name, kind)
    mine = model.objects.exclude(pk=original.pk).get()
    review = reverse("duplicates_review_upload", args=[key_for(mine).split(":")[0], mine.pk])
    assert response.status_code == 302 and response.url == review

    page = client.get(review)
    html = page.content.decode()
    assert page.status_code == 200 and "data-standalone" in html and agency_a.name in html
    assert 'data-exact="true"' in html
    assert press(client, html, "not_duplicate").json() == {"success": True}
    assert DuplicateDecision.objects.get().asset_key == key_for(mine)
    assert model.objects.count() == 2


def test_reuse_on_the_review_page_removes_the_upload(client, agency_a, agency_b, editor_b):
    original = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    client.force_login(editor_b)
    add_with_form(client, reverse("wagtaildocs:add"), agency_b, report_pdf(), "x.pdf", "pdf")
    mine = DocumentAsset.objects.exclude(pk=original.pk).get()
    html = client.get(reverse("duplicates_review_upload", args=["document", mine.pk]))
    assert re.search(r'data-duplicate-decision="reuse"', html.content.decode())
    assert press(client, html.content.decode(), "reuse").json() == {"success": True}
    assert list(DocumentAsset.objects.all()) == [original]
    review = reverse("duplicates_review_upload", args=["document", mine.pk])
    assert client.get(review).status_code == 404


def test_a_new_file_in_a_single_file_form_goes_to_the_list(client, agency_a, agency_b, editor_b):
    store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    client.force_login(editor_b)
    other = report_pdf(["Mot tai lieu hoan toan khac, ngan gon."])
    response = add_with_form(client, reverse("wagtaildocs:add"), agency_b, other, "k.pdf", "pdf")
    assert response.status_code == 302 and response.url == reverse("wagtaildocs:index")


def test_only_the_uploader_sees_the_review_page(client, agency_a, agency_b, editor_a, editor_b):
    store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    mine = store(agency_b, report_pdf(), "ban-sao.pdf", model=DocumentAsset, user=editor_b)
    client.force_login(editor_a)
    review = reverse("duplicates_review_upload", args=["document", mine.pk])
    assert client.get(review).status_code == 404


def upload_in_chooser(client, agency, content: bytes, name: str, kind: str = "image") -> dict:
    """The upload tab of the image or document chooser, as its modal posts it."""
    prefix = f"{kind}-chooser-upload"
    data = {
        f"{prefix}-title": name,
        f"{prefix}-file": upload(name, content),
        f"{prefix}-collection": agency.collection_id,
        f"{prefix}-kind": "photo" if kind == "image" else "pdf",
        f"{prefix}-language": "vi",
    }
    chooser = "wagtailimages_chooser" if kind == "image" else "wagtaildocs_chooser"
    url = reverse(f"{chooser}:create")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 200
    return response.json()


def test_the_image_chooser_offers_a_copy_and_reuse_chooses_the_existing_image(
    client, agency_a, agency_b, editor_b
):
    original = store(agency_a, encoded(scene(42)), title="Ảnh gốc")
    client.force_login(editor_b)
    answer = upload_in_chooser(client, agency_b, encoded(scene(42)), "ban-sao.png")
    assert answer["step"] == "duplicate_found"
    html = answer["htmlFragment"]
    assert 'id="tab-upload"' in html and agency_a.name in html and "use-existing-image" in html

    chosen = press(client, html, "reuse")
    assert chosen.status_code == 302
    step = client.get(chosen.url).json()
    assert (step["step"], step["result"]["id"]) == ("chosen", str(original.pk))
    assert list(ImageAsset.objects.all()) == [original]
    assert DuplicateDecision.objects.get().decision == "reuse"


def test_not_a_duplicate_in_the_image_chooser_chooses_the_new_image(
    client, agency_a, agency_b, editor_b
):
    original = store(agency_a, encoded(scene(43)))
    client.force_login(editor_b)
    answer = upload_in_chooser(client, agency_b, encoded(recoloured(scene(43)), "JPEG"), "m.jpg")
    assert 'data-exact="false"' in answer["htmlFragment"]
    mine = ImageAsset.objects.exclude(pk=original.pk).get()

    step = client.get(press(client, answer["htmlFragment"], "not_duplicate").url).json()
    assert (step["step"], step["result"]["id"]) == ("chosen", str(mine.pk))
    assert DuplicateDecision.objects.get().asset_key == key_for(mine)


def test_a_new_picture_in_the_image_chooser_is_chosen_at_once(client, agency_a, agency_b, editor_b):
    store(agency_a, encoded(scene(44)))
    client.force_login(editor_b)
    answer = upload_in_chooser(client, agency_b, encoded(scene(45)), "moi.png")
    assert answer["step"] == "chosen"


def test_the_document_uploader_refuses_a_damaged_pdf_and_keeps_nothing(client, agency_b, editor_b):
    client.force_login(editor_b)
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("cat.pdf", report_pdf()[:200]), "collection": agency_b.collection_id},
    )
    answer = response.json()
    assert answer["success"] is False and answer["error_message"]
    assert not DocumentAsset.objects.exists() and not UploadedFile.objects.exists()


def test_the_document_chooser_offers_a_copy_and_reuse_chooses_the_existing_document(
    client, agency_a, agency_b, editor_b
):
    original = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    client.force_login(editor_b)
    answer = upload_in_chooser(client, agency_b, report_pdf(), "ban-sao.pdf", kind="document")
    assert answer["step"] == "duplicate_found"
    assert agency_a.name in answer["htmlFragment"]

    step = client.get(press(client, answer["htmlFragment"], "reuse").url).json()
    assert (step["step"], str(step["result"]["id"])) == ("chosen", str(original.pk))
    assert list(DocumentAsset.objects.all()) == [original]


def test_a_new_document_in_the_document_chooser_is_chosen_at_once(client, agency_b, editor_b):
    client.force_login(editor_b)
    answer = upload_in_chooser(client, agency_b, report_pdf(), "moi.pdf", kind="document")
    assert answer["step"] == "chosen"
