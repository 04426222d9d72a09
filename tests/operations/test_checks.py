"""The configuration checks (ids assets.*, search.*, operations.*) catch what would otherwise
fail at the first upload, search or task, and each says how to fix it."""

import pytest
from django.core import checks
from django.test import override_settings

from assets.checks import check_storage, check_storage_for_production
from config.operations.checks import check_broker, check_cache, check_production_services
from search.checks import check_search, check_search_for_production


def ids(messages) -> set[str]:
    return {message.id for message in messages}


def test_the_test_configuration_passes_every_check():
    assert [m for m in checks.run_checks() if m.level >= checks.ERROR] == []


S3 = {
    "bucket_name": "ncrl",
    "signature_version": "s3v4",
    "querystring_auth": True,
    "default_acl": None,
    "access_key": "key",
    "secret_key": "secret",
}


@pytest.mark.parametrize(
    ("options", "expire", "expected"),
    [
        ({**S3, "signature_version": "s3"}, 300, "assets.E001"),
        (S3, 8 * 24 * 3600, "assets.E002"),
        ({**S3, "default_acl": "public-read"}, 300, "assets.E003"),
        ({**S3, "querystring_auth": False}, 300, "assets.E003"),
        ({**S3, "secret_key": None}, 300, "assets.E004"),
    ],
)
def test_storage_errors(options, expire, expected):
    with override_settings(NCRL_S3_OPTIONS=options, AWS_QUERYSTRING_EXPIRE=expire):
        found = check_storage(None)
    assert ids(found) == {expected}
    assert all(message.hint for message in found)


@pytest.mark.parametrize(("part_mib", "in_flight"), [(4, 4), (5 * 1024 + 1, 4), (32, 0)])
def test_upload_parts_s3_would_refuse_are_an_error(part_mib, in_flight):
    with override_settings(
        NCRL_S3_OPTIONS=S3, NCRL_UPLOAD_PART_MIB=part_mib, NCRL_UPLOAD_PARTS_IN_FLIGHT=in_flight
    ):
        found = check_storage(None)
    assert ids(found) == {"assets.E006"}
    assert "NCRL_UPLOAD_PART_MIB" in found[0].hint


def test_a_spool_folder_that_cannot_be_made_is_an_error(tmp_path):
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    with override_settings(NCRL_UPLOAD_SPOOL_DIR=str(a_file / "spool"), NCRL_S3_OPTIONS=None):
        assert ids(check_storage(None)) == {"assets.E005"}
    with override_settings(NCRL_UPLOAD_SPOOL_DIR=str(tmp_path / "a" / "b"), NCRL_S3_OPTIONS=None):
        assert check_storage(None) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"URL": "127.0.0.1:9200"}, "search.E001"),
        ({"SHARDS": 0}, "search.E002"),
        ({"REPLICAS": -1}, "search.E002"),
        ({"REFRESH_INTERVAL": "soon"}, "search.E003"),
        ({"INDEX": "Library Index"}, "search.E004"),
    ],
)
def test_search_errors(settings, change, expected):
    settings.LIBRARY_SEARCH = {**settings.LIBRARY_SEARCH, **change}
    found = check_search(None)
    assert ids(found) == {expected}
    assert found[0].hint


def test_broker_errors(settings):
    settings.REDIS_URL = "http://127.0.0.1:6379"
    settings.TASKS = {"default": {"BACKEND": "x", "QUEUES": ["default"]}}
    assert ids(check_broker(None)) == {"operations.E001", "operations.E002"}
    settings.REDIS_URL = None
    settings.RQ_QUEUES = {"default": {}}
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_rq.RQBackend",
            "QUEUES": ["default", "transcoding", "webhooks"],
        }
    }
    assert ids(check_broker(None)) == {"operations.E003"}


def test_cache_location_error(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.operations.cache.ResilientRedisCache",
            "LOCATION": "127.0.0.1:6379",
        }
    }
    assert ids(check_cache(None)) == {"operations.E004"}


def test_deploy_warnings_name_what_production_lacks(settings):
    settings.NCRL_S3_OPTIONS = None
    settings.LIBRARY_SEARCH = {**settings.LIBRARY_SEARCH, "URL": None}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    }
    found = (
        check_storage_for_production(None)
        + check_search_for_production(None)
        + check_production_services(None)
    )
    assert ids(found) == {"assets.W001", "search.W001", "operations.W001", "operations.W002"}
