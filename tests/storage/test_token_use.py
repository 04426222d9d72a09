"""The last use of an API token is recorded at most once per Wagtail's interval
(WAGTAILAPI_TOKEN_LAST_USED_INTERVAL) on the upload door as on the API: not a database write on
every request of a large upload."""

import pytest
from wagtail.models import APIToken

from .conftest import token_for
from .test_tus import metadata_header

pytestmark = pytest.mark.django_db


def send(client, token: str, method: str, path: str, **headers):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}", "HTTP_TUS_RESUMABLE": "1.0.0", **headers}
    return getattr(client, method)(path, **headers)


def create(client, token: str):
    return send(
        client,
        token,
        "post",
        "/assets/uploads/",
        HTTP_UPLOAD_LENGTH="10",
        HTTP_UPLOAD_METADATA=metadata_header(filename="a.png"),
    )


def test_an_upload_records_its_token_s_use_once_per_interval(client, editor_a, settings):
    settings.WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = 3600
    token = token_for(editor_a)
    created = create(client, token)
    assert created.status_code == 201
    first_use = APIToken.objects.get().last_used_at
    assert first_use is not None
    assert send(client, token, "head", created["Location"]).status_code == 200
    assert APIToken.objects.get().last_used_at == first_use

    settings.WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = 0
    assert send(client, token, "head", created["Location"]).status_code == 200
    assert APIToken.objects.get().last_used_at > first_use


def test_no_interval_records_no_use_and_still_lets_the_token_in(client, editor_a, settings):
    """Wagtail's own API reads WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = None as "do not record"."""
    settings.WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = None
    token = token_for(editor_a)
    answer = create(client, token)
    assert answer.status_code == 201
    assert APIToken.objects.get().last_used_at is None
