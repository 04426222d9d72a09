import os
import shutil
import uuid

import pytest
from django.utils import translation
from wagtail.models import Collection

from cms.taxonomy.models import Licence
from search import availability
from search.backends import _elastic_backend, get_elastic_backend
from tests.factories import AgencyFactory, editor_of
from tests.production_profile import pytest_configure, pytest_runtest_makereport  # noqa: F401
from tests.run_cleanup import flush_run_queues, remove_run_indexes, remove_run_objects


@pytest.fixture(scope="session", autouse=True)
def _run_leaves_nothing_behind():
    """This run's Elasticsearch indexes, S3 objects and Redis queues (all named by its run id, see
    config/settings/test.py) are removed when it ends; a Redis database is emptied when claimed
    too, since a run that was killed could not empty it."""
    flush_run_queues()
    yield
    from django.conf import settings

    remove_run_indexes(settings.LIBRARY_SEARCH)
    remove_run_objects()
    flush_run_queues()


@pytest.fixture(autouse=True)
def _root_collection(request):
    """Transactional tests start from a flushed database: Wagtail's root collection, made by a
    data migration, is gone; agencies need it for their collections."""
    if not _transactional(request):
        return
    request.getfixturevalue("transactional_db")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture(autouse=True)
def _queues_start_empty(request):
    """A transactional test starts with this run's Redis queues empty: a job an earlier test left
    there names rows that test's flush removed, or the test settings' own backend alias, and a
    worker process this test starts would take it and fail on it."""
    if _transactional(request):
        flush_run_queues()


def _transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return marker is not None and bool(marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes files into its own folder, so leftovers can be counted."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _no_renditions_of_earlier_tests():
    """Wagtail caches renditions by image id, which the next test reuses for another image."""
    from django.core.cache import caches

    caches["renditions"].clear()


@pytest.fixture(autouse=True)
def _no_site_root_paths_of_earlier_tests():
    """Wagtail caches the sites' root paths with their ids; a rolled-back or flushed test leaves
    them behind, and the admin's home page then looks up a site that is gone (500)."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()


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
def licence(db):
    return Licence.objects.create(
        code="CC-BY-4.0",
        name_vi="Ghi công 4.0",
        name_en="Attribution 4.0",
        url="https://creativecommons.org/licenses/by/4.0/",
        allows_commercial_use=True,
        allows_derivatives=True,
    )


@pytest.fixture
def editor_a(agency_a):
    return editor_of(agency_a)


@pytest.fixture
def editor_b(agency_b):
    return editor_of(agency_b)


# Search and duplicate tests run on the database backend in both runs, and on Elasticsearch in the
# production run only: that parameter carries the `services` mark, which the embedded run deselects.
@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.services)])
def backend_name(request, settings):
    url = os.environ.get("ELASTICSEARCH_URL")
    if request.param == "elasticsearch" and not url:
        pytest.skip("ELASTICSEARCH_URL is not set: start it with `scripts/services.sh up es`")
    alias = f"{settings.LIBRARY_SEARCH['INDEX']}-{uuid.uuid4().hex[:10]}"
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
