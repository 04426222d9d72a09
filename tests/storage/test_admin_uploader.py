"""The admin uploader: a page in the admin, and session uploads that need the CSRF token."""

import base64

import pytest
from django.test import Client

from assets.models import ResumableUpload

pytestmark = pytest.mark.django_db

TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}


def creation_headers(length: int, filename: str) -> dict[str, str]:
    encoded = base64.b64encode(filename.encode()).decode()
    return {**TUS, "HTTP_UPLOAD_LENGTH": str(length), "HTTP_UPLOAD_METADATA": f"filename {encoded}"}


def test_the_uploader_page_is_in_the_admin(client, editor_a):
    client.force_login(editor_a)
    response = client.get("/admin/large-uploads/")
    assert response.status_code == 200
    assert b"tus-uploader.js" in response.content
    assert b'data-endpoint="/assets/uploads/"' in response.content


def test_a_session_upload_needs_the_csrf_token(agency_a, editor_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor_a)
    page = browser.get("/admin/large-uploads/")
    refused = browser.post("/assets/uploads/", **creation_headers(1000, "a.mp4"))
    assert refused.status_code == 403
    token = page.cookies["csrftoken"].value
    accepted = browser.post(
        "/assets/uploads/", HTTP_X_CSRFTOKEN=token, **creation_headers(1000, "a.mp4")
    )
    assert accepted.status_code == 201, accepted.content
    upload = ResumableUpload.objects.get()
    assert (upload.user, upload.collection) == (editor_a, agency_a.collection)
