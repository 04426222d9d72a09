"""An editor of agency A may not change agency B's assets or pages, through the admin or the API,
but may find and choose B's published assets; anonymous users see nothing unpublished."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from cms.pages.models import ArticlePage
from tests.factories import document_asset, image_asset, media_asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def b_assets(agency_b):
    return {
        "image": image_asset(agency_b, title="Ảnh của B"),
        "document": document_asset(agency_b, title="Tài liệu của B"),
        "media": media_asset(agency_b, title="Video của B"),
    }


@pytest.fixture
def b_article(agency_b):
    article = ArticlePage(title="Bài của B", summary="Tóm tắt")
    agency_b.section_page.add_child(instance=article)
    article.save_revision().publish()
    return article


def guarded_url(asset) -> str:
    """The access-checked address of an asset's file (on S3 it redirects to a presigned URL)."""
    return reverse("assets:file", args=[asset.file.name])


def chooser_html(response) -> str:
    """Choosers answer with JSON wrapping the HTML of the modal."""
    return response.json()["html"]


EDIT_URLS = {
    "image": ("wagtailimages:edit", "wagtailimages:delete"),
    "document": ("wagtaildocs:edit", "wagtaildocs:delete"),
    "media": ("wagtailmedia:edit", "wagtailmedia:delete"),
}


@pytest.mark.parametrize("kind", ["image", "document", "media"])
def test_editor_cannot_edit_or_delete_other_agencys_asset(client, editor_a, b_assets, kind):
    asset = b_assets[kind]
    client.force_login(editor_a)
    edit_name, delete_name = EDIT_URLS[kind]
    for name in (edit_name, delete_name):
        url = reverse(name, args=[asset.pk])
        assert client.get(url).status_code in (302, 403)
        response = client.post(url, {"title": "đã sửa trộm"})
        assert response.status_code in (302, 403)
    model = type(asset)
    assert model.objects.filter(pk=asset.pk, title=asset.title).exists()


@pytest.mark.parametrize("kind", ["image", "document", "media"])
def test_editor_can_edit_own_agencys_asset(client, editor_a, agency_a, kind):
    make = {"image": image_asset, "document": document_asset, "media": media_asset}[kind]
    asset = make(agency_a, title="Của A")
    client.force_login(editor_a)
    assert client.get(reverse(EDIT_URLS[kind][0], args=[asset.pk])).status_code == 200


def test_editor_cannot_edit_or_delete_other_agencys_page(client, editor_a, b_article):
    client.force_login(editor_a)
    for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:delete"):
        response = client.post(reverse(name, args=[b_article.pk]), {"title": "đã sửa trộm"})
        assert response.status_code in (302, 403)
    b_article.refresh_from_db()
    assert b_article.title == "Bài của B" and b_article.live


def test_editor_can_add_pages_only_in_own_section(client, editor_a, agency_a, agency_b):
    client.force_login(editor_a)
    own = reverse("wagtailadmin_pages:add", args=["pages", "articlepage", agency_a.section_page.pk])
    other = reverse(
        "wagtailadmin_pages:add", args=["pages", "articlepage", agency_b.section_page.pk]
    )
    assert client.get(own).status_code == 200
    assert client.get(other).status_code in (302, 403)


def test_chooser_offers_other_agencys_published_assets_only(client, editor_a, agency_b):
    published = image_asset(agency_b, title="Đã xuất bản")
    draft = image_asset(agency_b, title="Bản nháp", published=False, variant=1)
    client.force_login(editor_a)
    html = chooser_html(client.get(reverse("wagtailimages_chooser:choose")))
    assert published.title in html
    assert draft.title not in html


def test_media_chooser_offers_other_agencys_published_media(client, editor_a, agency_b):
    published = media_asset(agency_b, title="Video công khai")
    draft = media_asset(agency_b, title="Video nháp", published=False, variant=1)
    client.force_login(editor_a)
    html = chooser_html(client.get(reverse("wagtailmedia:chooser")))
    assert published.title in html
    assert draft.title not in html


CHOSEN_URLS = {
    "image": "wagtailimages_chooser:chosen",
    "document": "wagtaildocs_chooser:chosen",
    "media": "wagtailmedia:media_chosen",
}


@pytest.mark.parametrize("kind", ["image", "document", "media"])
def test_another_agencys_published_asset_can_be_chosen_for_reuse(client, editor_a, agency_b, kind):
    make = {"image": image_asset, "document": document_asset, "media": media_asset}[kind]
    published = make(agency_b, title="Dùng lại được")
    draft = make(agency_b, title="Chưa công bố", published=False, variant=1)
    client.force_login(editor_a)
    chosen = client.get(reverse(CHOSEN_URLS[kind], args=[published.pk]))
    assert chosen.status_code == 200  # wagtailmedia answered 403 for another agency's media
    assert int(chosen.json()["result"]["id"]) == published.pk
    refused = client.get(reverse(CHOSEN_URLS[kind], args=[draft.pk]))
    assert refused.status_code in (302, 403, 404)  # Wagtail's choosers redirect when refused
    assert "Chưa công bố" not in refused.content.decode()


@pytest.mark.parametrize("endpoint", ["images", "documents", "media"])
def test_api_is_read_only(client, editor_a, b_assets, endpoint):
    client.force_login(editor_a)
    asset = b_assets[{"images": "image", "documents": "document", "media": "media"}[endpoint]]
    url = f"/api/v2/{endpoint}/{asset.pk}/"
    for method in (client.put, client.patch, client.delete):
        assert method(url, data={}, content_type="application/json").status_code == 405
    assert client.post(f"/api/v2/{endpoint}/", data={}).status_code == 405


@pytest.mark.parametrize(
    "model,make,endpoint",
    [
        (ImageAsset, image_asset, "images"),
        (DocumentAsset, document_asset, "documents"),
        (MediaAsset, media_asset, "media"),
    ],
)
def test_anonymous_sees_no_unpublished_or_embargoed_asset(client, agency_b, model, make, endpoint):
    public = make(agency_b, title="Công khai")
    draft = make(agency_b, title="Nháp", published=False, variant=1)
    embargoed = make(
        agency_b, title="Cấm vận", variant=2, embargo_until=timezone.now() + dt.timedelta(days=2)
    )
    listing = client.get(f"/api/v2/{endpoint}/").json()
    titles = {item["title"] for item in listing["items"]}
    assert titles == {"Công khai"}
    for hidden in (draft, embargoed):
        assert client.get(f"/api/v2/{endpoint}/{hidden.pk}/").status_code == 404
        assert client.get(guarded_url(hidden)).status_code == 404
    assert client.get(guarded_url(public)).status_code in (200, 302)


def test_embargo_lifts_by_itself(client, agency_b):
    image = image_asset(
        agency_b, title="Hết cấm vận", embargo_until=timezone.now() - dt.timedelta(minutes=1)
    )
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 200


def test_owner_can_fetch_own_unpublished_file(client, editor_b, agency_b):
    draft = image_asset(agency_b, title="Nháp riêng", published=False)
    client.force_login(editor_b)
    assert client.get(guarded_url(draft)).status_code in (200, 302)
