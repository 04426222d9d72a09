"""Reading the library through API v3 as a newsroom developer would."""

import pytest

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
