"""The admin's own searches (choosers of every kind, the image and document lists) find assets
with or without Vietnamese diacritics, on both search backends, and still only what the user
may see: another agency's published assets in the choosers, never its drafts."""

import pytest
from django.urls import reverse

from tests.factories import document_asset, image_asset, media_asset

pytestmark = pytest.mark.django_db

CHOOSER_RESULTS = {
    "image": "wagtailimages_chooser:choose_results",
    "document": "wagtaildocs_chooser:choose_results",
    "media": "wagtailmedia:chooser",
}
MAKERS = {"image": image_asset, "document": document_asset, "media": media_asset}


@pytest.mark.parametrize("kind", ["image", "document", "media"])
def test_each_chooser_finds_another_agencys_asset_without_diacritics(
    client, backend_name, agency_a, agency_b, editor_b, kind, django_capture_on_commit_callbacks
):
    make = MAKERS[kind]
    with django_capture_on_commit_callbacks(execute=True):  # indexing runs after commit
        make(agency_a, title="Chuyển đổi số ở Đồng Nai")
        make(agency_a, title="Chuyển đổi số, bản nháp", published=False, variant=1)
        make(agency_a, title="Mùa lúa chín", variant=2)
    client.force_login(editor_b)
    url = reverse(CHOOSER_RESULTS[kind])
    for query in ("chuyen doi so", "CHUYỂN ĐỔI SỐ", "dong nai"):
        answer = client.get(url, {"q": query})
        assert answer.status_code == 200, query
        html = answer.content.decode()
        assert "Chuyển đổi số ở Đồng Nai" in html, query
        assert "bản nháp" not in html and "Mùa lúa chín" not in html, query


def test_the_admin_lists_find_the_agencys_own_drafts_without_diacritics(
    client, backend_name, agency_a, editor_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image_asset(agency_a, title="Hội nghị chuyển đổi số", published=False)
        document_asset(agency_a, title="Báo cáo chuyển đổi số", published=False)
    client.force_login(editor_a)
    for name, title in (
        ("wagtailimages:index_results", "Hội nghị chuyển đổi số"),
        ("wagtaildocs:index_results", "Báo cáo chuyển đổi số"),
    ):
        html = client.get(reverse(name), {"q": "chuyen doi"}).content.decode()
        assert title in html, name
