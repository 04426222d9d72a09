import uuid

import pytest
from django.core.cache import cache

from search import availability
from search.backends import _elastic_backend, get_elastic_backend

from . import library


@pytest.fixture(autouse=True)
def own_search_index(settings):
    """Each test reads an index of its own (Elasticsearch keeps what earlier tests wrote, where
    the database index is rolled back with them)."""
    alias = f"{settings.LIBRARY_SEARCH['INDEX']}-hub-{uuid.uuid4().hex[:8]}"
    settings.LIBRARY_SEARCH = {**settings.LIBRARY_SEARCH, "INDEX": alias, "REPLICAS": 0}
    _elastic_backend.cache_clear()
    availability.reset()
    yield
    elastic = get_elastic_backend()
    if elastic is not None:
        found = elastic.client.options(ignore_status=404).indices.get_alias(name=alias)
        for index in found if "error" not in found else []:
            elastic.client.indices.delete(index=index)
    _elastic_backend.cache_clear()
    availability.reset()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches renditions by image id and the hub caches what it read from files; ids
    come back after a rollback, the files of an earlier test do not."""
    cache.clear()


@pytest.fixture
def terms(db):
    return library.taxonomy()


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Run what commits trigger (search indexing) while the block runs."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
