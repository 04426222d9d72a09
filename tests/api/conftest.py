"""Fixtures for the API tests: consumers with tokens, a small public library."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import APIToken

from cms.api.models import Consumer
from cms.taxonomy.models import Topic

from .windows import start_of_a_fresh_window


def consumer_token(name: str, **fields) -> tuple[Consumer, str]:
    user = get_user_model().objects.create_user(username=f"consumer-{name}")
    consumer = Consumer.objects.create(name=name, user=user, **{"kind": "press", **fields})
    _token, plaintext = APIToken.create_token(user=user, name=f"{name} token")
    return consumer, plaintext


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def topic(db):
    return Topic.objects.create(slug="chuyen-doi-so", name_vi="Chuyển đổi số", name_en="Digital")


@pytest.fixture
def press(db):
    return consumer_token("Báo Thử Nghiệm")


@pytest.fixture
def one_window():
    """A test's few requests all fall into one window of the real clock (requested last, so the
    wait, when there is one, comes right before the burst)."""
    start_of_a_fresh_window(burst_seconds=10)


@pytest.fixture(autouse=True)
def _fresh_counters():
    """Rate-limit windows and reuse counters live in the shared cache: start each test empty."""
    cache.clear()
    yield
