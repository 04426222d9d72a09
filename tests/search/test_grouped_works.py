"""/api/search/ answers each work once: copies that a duplicate group joins show as their
best-ranked hit (a grouped copy once appeared twice), and a copy is not dropped when the group's
other member is not among the hits."""

import pytest

from search.duplicates.groups import join_group
from search.keys import key_for
from tests.factories import image_asset

pytestmark = pytest.mark.django_db
TITLE = "Infographic chỉ tiêu chuyển đổi số 2030"


def keys(client, **params) -> list[str]:
    answer = client.get("/api/search/", {"q": "chi tieu chuyen doi so 2030", **params})
    assert answer.status_code == 200, answer.content
    return [hit["key"] for hit in answer.json()["hits"]]


def test_a_grouped_work_is_answered_once(
    client, backend_name, agency_a, agency_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        original = image_asset(agency_a, title=TITLE, variant=1)
        copy = image_asset(agency_b, title=f"{TITLE} (đăng lại)", variant=2)
        other = image_asset(agency_b, title=f"{TITLE}: bản khác", variant=3)
    assert len(keys(client)) == 3

    join_group(key_for(original), copy)
    found = keys(client)
    assert len(found) == 2 and key_for(other) in found
    assert len({key_for(original), key_for(copy)} & set(found)) == 1
    assert set(keys(client, agency=agency_b.code)) == {key_for(copy), key_for(other)}
