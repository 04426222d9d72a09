"""Reading the library through API v3 as a newsroom developer would."""

import pytest

from search.duplicates.groups import join_group
from search.keys import key_for
from tests.factories import document_asset, image_asset, media_asset

from .conftest import bearer

pytestmark = pytest.mark.django_db


def test_images_list_with_representation(client, agency_a, licence, topic):
    image = image_asset(agency_a, title="Infographic chuyển đổi số", licence=licence)
    image.topics.add(topic)
    image_asset(agency_a, published=False, title="Chưa công bố", variant=1)
    response = client.get("/api/v3/images/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["meta"]["total"] == 1
    item = body["items"][0]
    assert item["title"] == "Infographic chuyển đổi số"
    assert item["agency"]["code"] == "agency-a"
    assert item["licence"]["code"] == "CC-BY-4.0"
    assert item["topics"][0]["slug"] == "chuyen-doi-so"
    assert item["width"] == 64
    assert {r["name"] for r in item["renditions"]} >= {"thumbnail", "medium-webp"}
    assert item["credit_line"]
    detail = client.get(item["links"]["self"])
    assert detail.status_code == 200
    assert detail["ETag"] and detail["Last-Modified"]


def test_unknown_parameters_are_refused(client):
    response = client.get("/api/v3/images/", {"tpoic": "x"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "tpoic" in response.json()["detail"]


def test_documents_and_media(client, agency_a):
    document_asset(agency_a)
    media_asset(agency_a)
    assert client.get("/api/v3/documents/").json()["meta"]["total"] == 1
    assert client.get("/api/v3/media/").json()["meta"]["total"] == 1


def test_openapi_and_docs(client):
    schema = client.get("/api/v3/openapi.json")
    assert schema.status_code == 200
    assert "/api/v3/images/" in schema.json()["paths"]
    docs = client.get("/api/v3/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()


def test_a_bad_token_is_refused(client):
    response = client.get("/api/v3/images/", headers=bearer("wagtail_nope"))
    assert response.status_code == 401


def test_text_search_folds_vietnamese(client, agency_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the index is written on commit
        image_asset(agency_a, title="Bản đồ chuyển đổi số Đồng Nai")
        image_asset(agency_a, title="Ảnh hội thảo", variant=1)
    found = client.get("/api/v3/images/", {"q": "chuyen doi so dong nai"})
    assert found.status_code == 200, found.content
    assert [item["title"] for item in found.json()["items"]] == ["Bản đồ chuyển đổi số Đồng Nai"]


def test_search_shows_a_grouped_work_once_crediting_every_agency(
    client, agency_a, agency_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        original = image_asset(agency_a, title="Infographic đổi mới sáng tạo")
        copy = image_asset(agency_b, title="Infographic đổi mới sáng tạo (bản sao)", variant=1)
        join_group(key_for(original), copy)
    answer = client.get("/api/v3/search/", {"q": "doi moi sang tao"})
    assert answer.status_code == 200, answer.content
    items = answer.json()["items"]
    assert len(items) == 1
    assert set(items[0]["credited_agencies"]) == {agency_a.name, agency_b.name}
    assert items[0]["url"].endswith(f"/api/v3/images/{items[0]['key'].split(':')[1]}/")
    assert client.get("/api/v3/search/", {"q": "x", "page": "2"}).status_code == 400


def test_nul_characters_are_a_bad_parameter_not_a_server_error(client):
    """Found by schemathesis on PostgreSQL, which refuses NUL in text."""
    assert client.get("/api/v3/media/", {"audience": "a\x00b"}).status_code == 400
    assert client.get("/api/v3/documents/", {"q": "x\x00"}).status_code == 400
    assert client.get("/api/v3/agencies/a%00b/").status_code == 400
    assert client.get("/feeds/topics/a%00b/rss/").status_code == 404
