"""The admin's multiple image uploader (Wagtail's, with our matcher): exact and near copies of any
agency's asset are shown side by side before the editor fills in the form, and each button
records its decision; "reuse" keeps nothing of the upload."""

import re

import pytest
from django.urls import reverse

from assets.models import ImageAsset
from search.duplicates.models import DuplicateDecision, DuplicateMember
from search.keys import key_for
from tests.duplicates.library import press, store, upload_in_admin
from tests.duplicates.media import bordered, encoded, scene
from tests.factories import upload

pytestmark = pytest.mark.django_db


def test_an_exact_copy_is_offered_for_reuse_and_reuse_keeps_nothing(
    client, agency_a, agency_b, editor_b
):
    original = store(agency_a, encoded(scene(21)), title="Bản đồ số tỉnh")
    client.force_login(editor_b)
    answer = upload_in_admin(client, agency_b, encoded(scene(21)), "ban-do.png")
    assert answer["duplicate"] is True
    html = answer["confirm_duplicate_upload"]
    assert "Bản đồ số tỉnh" in html and agency_a.name in html
    assert 'data-exact="true" data-signal="sha256"' in html

    response = press(client, html, "reuse")
    assert response.json() == {"success": True}
    assert list(ImageAsset.objects.all()) == [original]
    decision = DuplicateDecision.objects.get()
    assert (decision.decision, decision.candidate_key, decision.asset_key) == (
        "reuse",
        key_for(original),
        "",
    )
    assert original.file.storage.exists(original.file.name)  # the shared original stays


def test_a_near_copy_shows_why_and_new_version_joins_the_group(
    client, agency_a, agency_b, editor_b
):
    original = store(agency_a, encoded(scene(22)))
    client.force_login(editor_b)
    answer = upload_in_admin(client, agency_b, encoded(bordered(scene(22)), "JPEG"), "v2.jpg")
    assert answer["duplicate"] is True
    html = answer["confirm_duplicate_upload"]
    assert 'data-exact="false"' in html and agency_a.name in html
    assert re.search(r'data-signal="(pdq|local-features)"', html)
    mine = ImageAsset.objects.exclude(pk=original.pk).get()

    assert press(client, html, "new_version").status_code == 200
    assert DuplicateDecision.objects.get().decision == "new_version"
    members = dict(DuplicateMember.objects.values_list("key", "relation"))
    assert members == {key_for(original): "original", key_for(mine): "version"}


def test_not_a_duplicate_is_recorded_and_the_upload_stays(client, agency_a, agency_b, editor_b):
    store(agency_a, encoded(scene(23)))
    client.force_login(editor_b)
    answer = upload_in_admin(client, agency_b, encoded(bordered(scene(23)), "JPEG"), "khac.jpg")
    assert press(client, answer["confirm_duplicate_upload"], "not_duplicate").status_code == 200
    assert DuplicateDecision.objects.get().decision == "not_duplicate"
    assert ImageAsset.objects.count() == 2
    assert not DuplicateMember.objects.exists()


def test_a_new_picture_goes_straight_to_the_form(client, agency_a, agency_b, editor_b):
    store(agency_a, encoded(scene(24)))
    client.force_login(editor_b)
    answer = upload_in_admin(client, agency_b, encoded(scene(25)), "moi.png")
    assert answer["duplicate"] is False and "form" in answer


def test_only_the_uploader_may_decide_about_an_upload(
    client, agency_a, agency_b, editor_b, editor_a
):
    store(agency_a, encoded(scene(26)))
    client.force_login(editor_b)
    html = upload_in_admin(client, agency_b, encoded(scene(26)), "anh.png")[
        "confirm_duplicate_upload"
    ]
    client.force_login(editor_a)  # B's upload answers A like a missing one
    assert press(client, html, "reuse").status_code == 404
    assert ImageAsset.objects.count() == 2 and not DuplicateDecision.objects.exists()


def test_the_multiple_uploader_checks_files_before_keeping_them(client, agency_b, editor_b):
    client.force_login(editor_b)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": upload("hong.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
            "collection": agency_b.collection_id,
        },
    )
    assert response.json()["success"] is False
    assert not ImageAsset.objects.exists()


def test_large_uploads_page_asks_about_near_copies_after_the_upload(
    client, agency_a, agency_b, editor_b, editor_a
):
    original = store(agency_a, encoded(scene(27)))
    mine = store(agency_b, encoded(bordered(scene(27)), "JPEG"), "v2.jpg", user=editor_b)
    url = reverse("duplicates_of_upload", args=["image", mine.pk])
    client.force_login(editor_b)
    answer = client.get(url).json()
    assert answer["count"] == 1 and "data-standalone" in answer["html"]
    assert press(client, answer["html"], "not_duplicate").json() == {"success": True}
    assert DuplicateDecision.objects.get().candidate_key == key_for(original)
    client.force_login(editor_a)  # someone else's upload: nothing to see
    assert client.get(url).status_code == 404
