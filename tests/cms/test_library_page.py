"""The read-only page of an asset for editors of every agency who may see it: what it is, its
rights and where it is used; the duplicate confirmation leads there for another agency's asset."""

import pytest
from django.test import TestCase
from django.urls import reverse

from assets.kinds import KINDS_BY_NAME
from search.duplicates.disclosure import admin_url
from search.keys import key_for
from tests.cms.test_hub_pages import publish_article
from tests.duplicates.library import upload_in_admin
from tests.factories import document_asset, image_asset, media_asset, png_bytes

pytestmark = pytest.mark.django_db

MAKERS = {"image": image_asset, "document": document_asset, "media": media_asset}


def library_url(kind: str, asset) -> str:
    return reverse(KINDS_BY_NAME[kind].library_url_name, args=[asset.pk])


@pytest.mark.parametrize("kind", ["image", "document", "media"])
def test_an_editor_reads_another_agencys_published_asset(client, agency_a, editor_b, licence, kind):
    asset = MAKERS[kind](
        agency_a, title="Sổ tay chuyển đổi số", credit_line="Bộ KH&CN", licence=licence
    )
    draft = MAKERS[kind](agency_a, title="Bản nháp", published=False, variant=1)
    client.force_login(editor_b)
    page = client.get(library_url(kind, asset))
    assert page.status_code == 200
    html = page.content.decode()
    for shown in ("Sổ tay chuyển đổi số", agency_a.name, "Bộ KH&amp;CN", str(licence)):
        assert shown in html, shown
    assert reverse(KINDS_BY_NAME[kind].admin_url_name("edit"), args=[asset.pk]) not in html
    assert reverse("assets:file", args=[asset.file.name]) in html
    assert client.get(library_url(kind, draft)).status_code == 404


def test_the_owner_is_offered_the_edit_page_and_sees_where_it_is_used(
    client, agency_a, editor_a, django_capture_on_commit_callbacks
):
    image = image_asset(agency_a, title="Ảnh dùng lại")
    with django_capture_on_commit_callbacks(execute=True):  # the reference index, after commit
        publish_article(
            agency_a,
            "Bài dùng ảnh",
            body=[{"type": "figure", "value": {"image": image.pk, "caption": "Hình"}}],
        )
    client.force_login(editor_a)
    html = client.get(library_url("image", image)).content.decode()
    assert reverse("wagtailimages:edit", args=[image.pk]) in html
    assert "Bài dùng ảnh" in html


def test_a_duplicate_confirmation_leads_to_the_other_agencys_asset(
    client, agency_a, agency_b, editor_b
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        original = image_asset(agency_a, title="Infographic của Bộ", variant=9)
    client.force_login(editor_b)
    answer = upload_in_admin(client, agency_b, png_bytes(color=(200, 30, 9)), "ban-sao.png")
    link = library_url("image", original)
    assert link in answer["confirm_duplicate_upload"]
    assert client.get(link).status_code == 200
    assert admin_url(key_for(original), None) == reverse("wagtailimages:edit", args=[original.pk])


def test_another_agencys_assets_are_credited_in_an_article(client, agency_a, agency_b, licence):
    rights = {"licence": licence, "credit_line": "Bộ Khoa học và Công nghệ"}
    image = image_asset(agency_a, title="Infographic", alt_text="Số liệu", **rights)
    document = document_asset(agency_a, title="Sổ tay", credit_line="Sổ tay: Bộ KH&CN")
    media = media_asset(agency_a, title="Phóng sự", credit_line="Video: Bộ KH&CN")
    article = publish_article(
        agency_b,
        "Bài của Sở dùng lại tư liệu của Bộ",
        body=[
            {"type": "figure", "value": {"image": image.pk, "caption": "Hình"}},
            {"type": "document", "value": document.pk},
            {"type": "media", "value": {"media": media.pk, "caption": "Video"}},
        ],
    )
    html = client.get(article.url).content.decode()
    for credit in ("Bộ Khoa học và Công nghệ", "Sổ tay: Bộ KH&amp;CN", "Video: Bộ KH&amp;CN"):
        assert f"— {credit}" in html, credit
