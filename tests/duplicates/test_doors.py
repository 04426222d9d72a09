"""The duplicate check and the decisions API as doors of the permission matrix
(tests/cms/test_permission_matrix.py drives the admin routes and the report): agency A's
editor, agency B's editor, a press consumer's token and an anonymous caller, against A's assets
of each kind in each state. Nothing private comes back, and a decision about an asset no check
of the caller's matched answers the same whatever the asset's state, so it tells nothing."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken

from search.duplicates.models import DuplicateDecision, DuplicateMember
from search.keys import key_for
from tests.factories import document_asset, image_asset, make_user, media_asset, upload

pytestmark = pytest.mark.django_db
CHECK, DECIDE = "/api/duplicates/check", "/api/duplicates/decisions"
STATES = ("private", "embargoed", "withdrawn", "public")
MAKERS = {"image": image_asset, "document": document_asset, "media": media_asset}


@pytest.fixture
def targets(agency_a):
    made = []
    for kind, make in MAKERS.items():
        for index, state in enumerate(STATES):
            embargo = timezone.now() + dt.timedelta(days=2) if state == "embargoed" else None
            asset = make(
                agency_a,
                title=f"Mật {kind} {state} zqdoors",
                published=state != "private",
                variant=30 + index,
                embargo_until=embargo,
            )
            if state == "withdrawn":
                asset.is_published = False
                asset.save()
            made.append((state, asset))
    return made


def token_client(user) -> Client:
    _token, plaintext = APIToken.create_token(user=user, name="desk")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")


@pytest.fixture
def callers(editor_a, editor_b):
    return {
        "editor of agency A": token_client(editor_a),
        "editor of agency B": token_client(editor_b),
        "press consumer token": token_client(make_user("press-doors")),
    }


def test_a_check_shows_only_the_agency_of_what_the_caller_may_not_see(targets, callers):
    for name, client in callers.items():
        owner = name == "editor of agency A"
        for state, asset in targets:
            if asset._meta.model_name == "mediaasset" and state in ("embargoed", "withdrawn"):
                continue  # the same rule as private; video checks are the slow ones
            with asset.file.open("rb") as handle:
                content = handle.read()
            answer = client.post(CHECK, {"file": upload(asset.file.name, content)})
            assert answer.status_code == 200, (name, state, answer.content)
            [match] = [m for m in answer.json()["matches"] if m["exact"]]
            text = answer.content.decode()
            if owner or state == "public":
                assert match["key"] == key_for(asset), (name, state)
            else:
                for secret in (asset.title, asset.file.name, key_for(asset), f'"id": {asset.pk}'):
                    assert secret not in text, (name, state, secret)
                assert match["agency"]["code"] == "agency-a" and match["reference"]


def test_a_decision_without_a_check_tells_nothing_whatever_the_state(targets, callers, client):
    for name, caller in [*callers.items(), ("anonymous", client)]:
        answers = set()
        for _state, asset in [*targets, (None, None)]:
            key = key_for(asset) if asset is not None else "image:987654"
            for body in (
                {"candidate": key, "decision": "not_duplicate"},
                {"candidate": key, "decision": "new_version", "asset": key},
            ):
                response = caller.post(DECIDE, json.dumps(body), content_type="application/json")
                answers.add((response.status_code, response.content))
        expected = 401 if name == "anonymous" else 404
        assert {status for status, _body in answers} == {expected}, name
        if name != "anonymous":  # an asset of one's own or not, existing or not: one answer
            assert len({body for _status, body in answers}) <= 2, (name, answers)
    assert not DuplicateDecision.objects.exists() and not DuplicateMember.objects.exists()
