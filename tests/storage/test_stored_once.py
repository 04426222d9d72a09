"""Originals are stored once under their content key and outlive all but the last asset."""

import hashlib
import json
import posixpath

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.utils.module_loading import import_string

from assets.ingest import create_asset
from assets.models import ImageAsset
from assets.storage.links import is_remote
from assets.storage_keys import content_key
from tests.factories import upload

from .media_files import noise_png

pytestmark = pytest.mark.django_db


def files_named(name: str) -> list[str]:
    folder, base = posixpath.split(name)
    return [f for f in default_storage.listdir(folder)[1] if f.startswith(base.split(".")[0])]


def test_same_bytes_from_two_agencies_are_stored_once(agency_a, agency_b):
    content = noise_png()
    first = create_asset(
        ImageAsset,
        upload("a.png", content),
        filename="a.png",
        collection=agency_a.collection,
        title="A",
    )
    second = create_asset(
        ImageAsset,
        upload("b.png", content),
        filename="b.png",
        collection=agency_b.collection,
        title="B",
    )
    expected = content_key(hashlib.sha256(content).hexdigest(), "a.png")
    assert first.file.name == second.file.name == expected
    assert files_named(expected) == [posixpath.basename(expected)]


def test_shared_original_survives_until_the_last_asset_goes(
    agency_a, agency_b, django_capture_on_commit_callbacks
):
    content = noise_png()
    assets = [
        create_asset(
            ImageAsset,
            upload(f"{code}.png", content),
            filename=f"{code}.png",
            collection=agency.collection,
            title=code,
        )
        for code, agency in (("a", agency_a), ("b", agency_b))
    ]
    name = assets[0].file.name
    # Wagtail deletes the file in a task queued on commit; run it.
    with django_capture_on_commit_callbacks(execute=True):
        assets[0].delete()
    assert default_storage.exists(name), "another agency's asset still refers to the original"
    with django_capture_on_commit_callbacks(execute=True):
        assets[1].delete()
    assert not default_storage.exists(name)


def test_saving_to_an_existing_content_key_writes_nothing(agency_a):
    content = noise_png()
    asset = create_asset(
        ImageAsset,
        upload("a.png", content),
        filename="a.png",
        collection=agency_a.collection,
        title="A",
    )
    modified = default_storage.get_modified_time(asset.file.name)
    saved = default_storage.save(asset.file.name, ContentFile(b"other bytes"))
    assert saved == asset.file.name
    with default_storage.open(saved, "rb") as handle:
        assert handle.read() == content
    assert default_storage.get_modified_time(saved) == modified


def test_the_storage_reaches_wagtails_deletion_task_as_plain_values():
    """Wagtail deletes a file in a task given storage.deconstruct(); a task's arguments are JSON,
    so the S3 client's settings (time-outs, retries) must travel as plain values and come back."""
    path, args, kwargs = storages["default"].deconstruct()
    rebuilt = import_string(path)(*args, **json.loads(json.dumps(kwargs)))
    if is_remote(default_storage):
        made, configured = rebuilt.client_config, default_storage.client_config
        assert made.connect_timeout == configured.connect_timeout
        assert made.retries == configured.retries
    assert type(rebuilt) is type(storages["default"])
