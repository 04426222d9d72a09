"""Decisions are only about matches a check of the caller's actually found, among assets the caller
may see (issue 11, item 4), and no field, however malformed, makes a 500 (item 10).

Reproduced as found: agency B named agency A's image in a "new version" decision with no match
ever found, was credited on it, and with a second call moved A's published image out of the hub's
search; unknown and invisible candidate ids answered differently; the reference of a private match
decoded to the asset key."""

import base64
import json

import pytest
from django.urls import reverse
from wagtail.models import APIToken

from search.duplicates.groups import credited_agencies, join_group
from search.duplicates.models import DuplicateDecision, DuplicateMember
from search.keys import key_for
from tests.duplicates.library import store
from tests.duplicates.media import encoded, scene
from tests.factories import upload

pytestmark = pytest.mark.django_db
CHECK, DECIDE = "/api/duplicates/check", "/api/duplicates/decisions"


@pytest.fixture
def token_b(editor_b):
    _token, plaintext = APIToken.create_token(user=editor_b, name="press desk")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def decide(client, auth, body):
    return client.post(DECIDE, json.dumps(body), content_type="application/json", **auth)


def check_file(client, auth, content: bytes, name: str = "anh.png") -> dict:
    response = client.post(CHECK, {"file": upload(name, content)}, **auth)
    assert response.status_code == 200, response.content
    return response.json()


def test_new_version_of_an_asset_no_check_matched_is_refused(
    client, agency_a, agency_b, editor_b, token_b
):
    theirs = store(agency_a, encoded(scene(41)), title="Ảnh của A")
    mine = store(agency_b, encoded(scene(42)), "cua-b.png", user=editor_b)
    response = decide(
        client,
        token_b,
        {"candidate": key_for(theirs), "decision": "new_version", "asset": key_for(mine)},
    )
    assert response.status_code == 404, response.content
    assert not DuplicateMember.objects.exists() and not DuplicateDecision.objects.exists()
    assert credited_agencies(theirs) == [agency_a.name]


def test_no_merge_without_a_match_can_take_a_published_asset_out_of_the_hub(
    client, agency_a, agency_b, editor_b, token_b
):
    title = "Bản đồ đổi mới sáng tạo"
    theirs = store(agency_a, encoded(scene(43)), title=title)
    mine = store(agency_b, encoded(scene(44)), "b1.png", user=editor_b)
    hidden = store(agency_b, encoded(scene(45)), "b2.png", is_published=False)
    for candidate in (theirs, hidden):  # the two calls of the report
        body = {"candidate": key_for(candidate), "decision": "new_version", "asset": key_for(mine)}
        assert decide(client, token_b, body).status_code == 404
    assert title in client.get("/search/", {"q": "ban do doi moi sang tao"}).content.decode()


def test_an_invisible_candidate_answers_exactly_like_a_missing_one(client, agency_a, token_b):
    private = store(agency_a, encoded(scene(46)), is_published=False)
    answers = [
        decide(client, token_b, {"candidate": key, "decision": "not_duplicate"})
        for key in (key_for(private), "image:987654")
    ]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].json() == answers[1].json()
    assert not DuplicateDecision.objects.exists()


def test_a_decision_about_what_the_check_found_is_recorded(client, agency_a, editor_b, token_b):
    original = store(agency_a, encoded(scene(47)))
    answer = check_file(client, token_b, encoded(scene(47)))
    [match] = answer["matches"]
    body = {"check": answer["check"], "candidate": match["key"], "decision": "reuse", "size": 99}
    assert decide(client, token_b, body).status_code == 200
    recorded = DuplicateDecision.objects.get()
    assert (recorded.candidate_key, recorded.user, recorded.byte_size) == (
        key_for(original),
        editor_b,
        99,
    )
    assert recorded.evidence["signal"] == "sha256"  # the server's evidence, not the caller's


def test_a_check_vouches_only_for_what_it_matched_and_only_for_its_caller(
    client, agency_a, editor_a, token_b
):
    matched = store(agency_a, encoded(scene(48)))
    other = store(agency_a, encoded(scene(49)), "khac.png")
    answer = check_file(client, token_b, encoded(scene(48)))
    not_matched = {"check": answer["check"], "candidate": key_for(other), "decision": "reuse"}
    assert decide(client, token_b, not_matched).status_code == 404
    _token, plaintext = APIToken.create_token(user=editor_a, name="A's desk")
    someone_else = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    borrowed = {"check": answer["check"], "candidate": key_for(matched), "decision": "reuse"}
    assert decide(client, someone_else, borrowed).status_code == 404
    assert not DuplicateDecision.objects.exists()


def test_the_asset_of_a_decision_must_be_the_file_that_was_checked(
    client, agency_a, agency_b, editor_b, token_b
):
    theirs = store(agency_a, encoded(scene(50)))
    unrelated = store(agency_b, encoded(scene(51)), "b.png", user=editor_b)
    answer = check_file(client, token_b, encoded(scene(50)))
    body = {
        "check": answer["check"],
        "candidate": key_for(theirs),
        "decision": "new_version",
        "asset": key_for(unrelated),
    }
    response = decide(client, token_b, body)
    assert response.status_code == 400 and response.json()["error"]
    assert not DuplicateMember.objects.exists()


def test_the_reference_of_a_private_match_is_opaque(client, agency_a, token_b):
    private = store(agency_a, encoded(scene(52)), is_published=False)
    [match] = check_file(client, token_b, encoded(scene(52)))["matches"]
    reference = match["reference"]
    decoded = base64.urlsafe_b64decode(reference.split(":")[0] + "==")
    assert key_for(private).encode() not in decoded and b"image" not in decoded
    # ... and names the match for a decision, once, for its caller
    assert decide(client, token_b, {"reference": reference, "decision": "reuse"}).status_code == 200
    assert DuplicateDecision.objects.get().candidate_key == key_for(private)


def test_a_version_of_an_asset_the_caller_cannot_see_is_refused(
    client, agency_a, agency_b, editor_b, token_b
):
    private = store(agency_a, encoded(scene(53)), is_published=False)
    mine = store(agency_b, encoded(scene(53), "JPEG"), "b.jpg", user=editor_b)
    answer = check_file(client, token_b, encoded(scene(53), "JPEG"), "b.jpg")
    [match] = [m for m in answer["matches"] if "reference" in m]  # B's own upload shows too
    body = {"reference": match["reference"], "decision": "new_version", "asset": key_for(mine)}
    assert decide(client, token_b, body).status_code == 403
    assert credited_agencies(private) == [agency_a.name]


@pytest.mark.parametrize(
    "fields",
    [
        {"candidate": "image:abc"},
        {"candidate": "image:"},
        {"candidate": ":"},
        {"candidate": {"kind": "image"}},
        {"candidate": 12},
        {"candidate": "image:1", "asset": "image:xyz"},
        {"candidate": "image:1", "asset": "nothing"},
        {"candidate": "image:1", "asset": ["image:1"]},
        {"candidate": "image:1", "size": 10**30},
        {"candidate": "image:1", "size": "big"},
        {"candidate": "image:1", "size": -5},
        {"candidate": "image:1", "filename": {"name": "x"}},
        {"candidate": "image:1", "sha256": ["a"]},
        {"candidate": "image:1", "check": {"id": 1}},
        {"candidate": "image:1", "check": "x" * 5000},
        {"reference": 5},
        {"reference": ["a"]},
        {"reference": "forged"},
    ],
)
def test_malformed_fields_answer_400_with_a_json_error(client, agency_a, token_b, fields):
    store(agency_a, encoded(scene(54)))
    response = decide(client, token_b, {"decision": "reuse", **fields})
    assert response.status_code == 400, response.content
    assert response.json()["error"]


@pytest.mark.parametrize("decision", [["reuse"], {"a": 1}, None, 3])
def test_a_malformed_decision_answers_400(client, token_b, decision):
    response = decide(client, token_b, {"candidate": "image:1", "decision": decision})
    assert response.status_code == 400 and response.json()["error"]


def test_the_admin_endpoint_needs_the_same_evidence(client, agency_a, agency_b, editor_b):
    theirs = store(agency_a, encoded(scene(55)))
    mine = store(agency_b, encoded(scene(56)), "b.png", user=editor_b)
    client.force_login(editor_b)
    url = reverse("duplicates_admin_decide")
    query = {"candidate": key_for(theirs), "asset": key_for(mine), "decision": "new_version"}
    response = client.post(f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}")
    assert response.status_code == 404
    assert not DuplicateMember.objects.exists()
    for malformed in ("candidate=image:abc&decision=reuse", "reference=%00&decision=reuse"):
        assert client.post(f"{url}?{malformed}").status_code in (400, 404)


def test_the_duplicates_report_shows_an_editor_only_what_they_may_see(
    client, agency_a, agency_b, editor_a, editor_b
):
    """Issue 11, item 5: the report's URL showed every agency's unpublished titles to any editor."""
    secret = store(
        agency_a, encoded(scene(57)), title="Dự thảo chưa công bố của A", is_published=False
    )
    copy = store(agency_a, encoded(scene(57), "JPEG"), "ban-sao.jpg", is_published=False)
    join_group(key_for(secret), copy)
    client.force_login(editor_b)
    page = client.get(reverse("reports_duplicates"))
    assert page.status_code == 200
    assert "Dự thảo chưa công bố của A" not in page.content.decode()
    client.force_login(editor_a)
    assert (
        "Dự thảo chưa công bố của A" in client.get(reverse("reports_duplicates")).content.decode()
    )


def test_only_the_agency_holding_a_private_match_can_look_up_its_reference(
    client, agency_a, editor_a, editor_b, token_b
):
    private = store(agency_a, encoded(scene(58)), title="Bản nháp riêng của A", is_published=False)
    [match] = check_file(client, token_b, encoded(scene(58)))["matches"]
    url = reverse("reports_duplicates")
    client.force_login(editor_a)
    found = client.get(url, {"reference": match["reference"]}).content.decode()
    assert "Bản nháp riêng của A" in found
    assert reverse("wagtailimages:edit", args=[private.pk]) in found
    client.force_login(editor_b)
    page = client.get(url, {"reference": match["reference"]}).content.decode()
    assert "Bản nháp riêng của A" not in page and "data-reference-lookup" in page
