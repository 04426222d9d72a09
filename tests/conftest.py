import os
import shutil
import uuid

import pytest
from django.utils import translation

from search import availability
from search.backends import _elastic_backend, get_elastic_backend
from tests.factories import AgencyFactory, editor_of


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes files into its own folder, so leftovers can be counted."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages are checked in English, the source language; Vietnamese tests say so."""
    with translation.override("en"):
        yield


@pytest.fixture
def agency_a(db):
    return AgencyFactory(code="agency-a", name="Bộ Khoa học và Công nghệ (thử)")


@pytest.fixture
def agency_b(db):
    return AgencyFactory(
        code="agency-b", name="Sở Khoa học và Công nghệ Đồng Nai (thử)", kind="department"
    )


@pytest.fixture
def editor_a(agency_a):
    return editor_of(agency_a)


@pytest.fixture
def editor_b(agency_b):
    return editor_of(agency_b)


# Search and duplicate tests run on the database backend, and on Elasticsearch when
# ELASTICSEARCH_URL is set (scripts/services.sh up es; eval "$(scripts/services.sh env)").
@pytest.fixture(params=["database", "elasticsearch"])
def backend_name(request, settings):
    url = os.environ.get("ELASTICSEARCH_URL")
    if request.param == "elasticsearch" and not url:
        pytest.skip("ELASTICSEARCH_URL is not set: start it with `scripts/services.sh up es`")
    alias = f"ncrl-test-{uuid.uuid4().hex[:10]}"
    settings.LIBRARY_SEARCH = {
        **settings.LIBRARY_SEARCH,
        "URL": url if request.param == "elasticsearch" else None,
        "INDEX": alias,
        "REPLICAS": 0,
        "RETRY_AFTER_SECONDS": 0,
        "TIMEOUT_SECONDS": 10,
    }
    _elastic_backend.cache_clear()
    availability.reset()
    yield request.param
    elastic = get_elastic_backend()
    if elastic is not None:
        indices = elastic.client.options(ignore_status=404).indices.get_alias(name=alias)
        for index in indices if "error" not in indices else []:
            elastic.client.indices.delete(index=index)
    _elastic_backend.cache_clear()
    availability.reset()


def pytest_collection_modifyitems(items):
    """Browser tests run last: after each of them the live server's database is emptied (Wagtail's
    root collection and home page too), which later tests that expect migrated data would feel."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path).replace("\\", "/"))
