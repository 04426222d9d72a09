"""Fixtures for storage tests: the configured storage (local folder, or MinIO when the AWS_*
variables are set), API tokens, and real files on disk."""

import os

import pytest
from django.core.files.storage import default_storage
from wagtail.models import APIToken

from assets.storage.links import is_remote, s3_client

needs_s3 = pytest.mark.skipif(
    not os.environ.get("AWS_STORAGE_BUCKET_NAME"),
    reason="needs MinIO: run `scripts/services.sh up s3` and eval `scripts/services.sh env`",
)


@pytest.fixture(autouse=True)
def _spool_dir(settings, tmp_path):
    settings.NCRL_UPLOAD_SPOOL_DIR = str(tmp_path / "spool")
    return settings.NCRL_UPLOAD_SPOOL_DIR


@pytest.fixture
def bucket():
    """(client, bucket name) of the S3 storage in use; skips on the local profile."""
    if not is_remote(default_storage):
        pytest.skip("the configured storage is the local folder, not S3")
    return s3_client(default_storage), default_storage.bucket_name


def count_objects(client, bucket_name: str, prefix: str) -> int:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket_name, Prefix=prefix)
    return sum(page.get("KeyCount", 0) for page in pages)


def token_for(user) -> str:
    _token, plaintext = APIToken.create_token(user=user, name="tests")
    return plaintext
