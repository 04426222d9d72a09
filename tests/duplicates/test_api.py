"""The duplicate check API: a file or its fingerprints in, matches out (only what the caller may
see), then the caller's decision recorded. Called with a real API token, like a press agency."""

import json

import pytest
from django.test import TestCase
from wagtail.models import APIToken

from assets.models import ImageAsset
from search.duplicates.models import DuplicateDecision, DuplicateMember
from search.keys import key_for
from tests.duplicates.library import store
from tests.duplicates.media import cropped, encoded, scene
from tests.factories import upload

pytestmark = pytest.mark.django_db
CHECK, DECIDE = "/api/duplicates/check", "/api/duplicates/decisions"


@pytest.fixture
def token_b(editor_b):
    _token, plaintext = APIToken.create_token(user=editor_b, name="press desk")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def check_file(client, auth, content: bytes, name: str = "moi.jpg") -> dict:
    response = client.post(CHECK, {"file": upload(name, content)}, **auth)
    assert response.status_code == 200, response.content
    return response.json()


def test_exact_copy_of_a_published_asset_is_offered_for_reuse(client, agency_a, token_b):
    original = store(agency_a, encoded(scene(11)))
    answer = check_file(client, token_b, encoded(scene(11)), "anh.png")
    assert answer["exact"] is True
    [match] = answer["matches"]
    assert (match["key"], match["signal"], match["agency"]["code"]) == (
        key_for(original),
        "sha256",
        agency_a.code,
    )
    assert match["title"] == original.title and match["admin_url"]
    assert ImageAsset.objects.count() == 1  # checking stores nothing


def test_near_copy_says_why_and_the_decision_is_recorded(client, agency_a, editor_b, token_b):
    original = store(agency_a, encoded(scene(12)))
    answer = check_file(client, token_b, encoded(cropped(scene(12)), "JPEG", quality=80))
    assert answer["exact"] is False and answer["modality"] == "image"
    [match] = answer["matches"]
    assert match["key"] == key_for(original)
    assert match["signal"] in ("pdq", "local-features") and match["why"]["modality"] == "image"

    decided = client.post(
        DECIDE,
        json.dumps(
            {"candidate": match["key"], "decision": "not_duplicate", "sha256": answer["sha256"]}
        ),
        content_type="application/json",
        **token_b,
    )
    assert decided.status_code == 200, decided.content
    recorded = DuplicateDecision.objects.get()
    assert (recorded.candidate_key, recorded.decision, recorded.user) == (
        key_for(original),
        "not_duplicate",
        editor_b,
    )
    assert recorded.sha256 == answer["sha256"]


def test_a_private_match_reveals_only_its_agency_and_a_reference(client, agency_a, token_b):
    original = store(agency_a, encoded(scene(13)), is_published=False)
    answer = check_file(client, token_b, encoded(scene(13)), "anh.png")
    [match] = answer["matches"]
    assert match["agency"]["code"] == agency_a.code and match["exact"] is True
    for hidden in ("key", "id", "title", "admin_url", "preview_url"):
        assert hidden not in match
    assert original.title not in json.dumps(answer)
    # The reference names the asset for its agency and for the decision, without showing it.
    decided = client.post(
        DECIDE,
        json.dumps({"reference": match["reference"], "decision": "reuse", "size": 1234}),
        content_type="application/json",
        **token_b,
    )
    assert decided.status_code == 200
    assert DuplicateDecision.objects.get().candidate_key == key_for(original)


def test_fingerprints_alone_find_the_same_matches(client, agency_a, token_b):
    original = store(agency_a, encoded(scene(14)))
    first = check_file(client, token_b, encoded(cropped(scene(14)), "JPEG", quality=80))
    sent = {k: first[k] for k in ("modality", "fingerprint")}
    response = client.post(CHECK, json.dumps(sent), content_type="application/json", **token_b)
    assert response.status_code == 200, response.content
    assert [m["key"] for m in response.json()["matches"]] == [key_for(original)]


def test_new_version_of_an_uploaded_asset_joins_the_group(
    client, agency_a, agency_b, editor_b, token_b
):
    original = store(agency_a, encoded(scene(15)))
    check_file(client, token_b, encoded(cropped(scene(15)), "JPEG"))  # before uploading it
    with TestCase.captureOnCommitCallbacks(execute=True):
        from django.core.files.base import ContentFile

        from assets.ingest import create_asset

        mine = create_asset(
            ImageAsset,
            ContentFile(encoded(cropped(scene(15)), "JPEG"), name="v2.jpg"),
            filename="v2.jpg",
            collection=agency_b.collection,
            title="v2",
            user=editor_b,
        )
    body = {"candidate": key_for(original), "decision": "new_version", "asset": key_for(mine)}
    response = client.post(DECIDE, json.dumps(body), content_type="application/json", **token_b)
    assert response.status_code == 200
    members = dict(DuplicateMember.objects.values_list("key", "relation"))
    assert members == {key_for(original): "original", key_for(mine): "version"}


@pytest.mark.parametrize(
    "body, status",
    [
        ("not json", 400),
        (json.dumps([1, 2]), 400),
        (json.dumps({"sha256": "xyz"}), 400),
        (json.dumps({"modality": "smell", "fingerprint": {}}), 400),
        (json.dumps({"modality": "image"}), 400),
        (json.dumps({"modality": "image", "fingerprint": {"hashes": 3}}), 400),
        (json.dumps({}), 400),
        # found by the fuzz test (tests/cms/test_fuzz_endpoints.py): a 500 each
        (json.dumps({"modality": {"image": 1}, "fingerprint": {}}), 400),
        (json.dumps({"modality": ["image"], "fingerprint": {}}), 400),
    ],
)
def test_bad_check_requests_get_a_clear_error(client, token_b, body, status):
    response = client.post(CHECK, body, content_type="application/json", **token_b)
    assert response.status_code == status
    assert response.json()["error"]


def test_a_bad_file_is_refused_with_its_code_and_nothing_is_stored(client, token_b):
    response = client.post(
        CHECK, {"file": upload("anh.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40)}, **token_b
    )
    assert response.status_code == 422
    assert response.json()["code"]
    assert ImageAsset.objects.count() == 0


def test_the_check_needs_a_user(client):
    assert (
        client.post(
            CHECK, json.dumps({"sha256": "a" * 64}), content_type="application/json"
        ).status_code
        == 401
    )


def test_bad_decisions_are_refused(client, agency_a, token_b):
    original = store(agency_a, encoded(scene(16)))

    def post(body):
        return client.post(DECIDE, json.dumps(body), content_type="application/json", **token_b)

    assert post({"candidate": key_for(original), "decision": "maybe"}).status_code == 400
    assert post({"reference": "forged", "decision": "reuse"}).status_code == 400
    assert post({"candidate": "image:999999", "decision": "reuse"}).status_code == 404
    assert DuplicateDecision.objects.count() == 0
