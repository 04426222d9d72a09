"""verify_storage finds missing and changed originals; migrate_storage copies both ways."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from assets.ingest import create_asset
from assets.models import ImageAsset
from assets.storage.links import is_remote
from assets.storage.migrate import storage_named
from tests.factories import upload

from .conftest import needs_s3
from .media_files import noise_png

pytestmark = pytest.mark.django_db


def overwrite_stored(name: str, content: bytes) -> None:
    """Change the bytes behind a key, the way a faulty disk or a careless script would."""
    if is_remote(default_storage):
        client = default_storage.connection.meta.client
        key = default_storage.object_key(name)
        client.put_object(Bucket=default_storage.bucket_name, Key=key, Body=content)
    else:
        with open(default_storage.path(name), "wb") as handle:
            handle.write(content)


def hashed_image(agency):
    return create_asset(
        ImageAsset,
        upload("a.png", noise_png((40, 40))),
        filename="a.png",
        collection=agency.collection,
        title="A",
    )


def test_verify_storage_passes_then_catches_a_tampered_original(agency_a, capsys):
    asset = hashed_image(agency_a)
    call_command("verify_storage")
    assert "1 originals checked, 0 problems" in capsys.readouterr().out
    overwrite_stored(asset.file.name, b"not the original any more")
    with pytest.raises(CommandError):
        call_command("verify_storage")
    assert asset.file.name in capsys.readouterr().err


def test_verify_storage_reports_a_missing_original(agency_a, capsys):
    asset = hashed_image(agency_a)
    type(asset).objects.filter(pk=asset.pk).update(file="originals/00/00/missing.png")
    with pytest.raises(CommandError):
        call_command("verify_storage")
    assert "missing from storage" in capsys.readouterr().err


@pytest.mark.services
@needs_s3
def test_migrate_storage_copies_local_to_s3_and_back(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = f"migration-test/{uuid.uuid4().hex}"
    local, remote = storage_named("local"), storage_named("s3")
    local.save(f"{folder}/a/one.bin", ContentFile(b"one"))
    local.save(f"{folder}/two.bin", ContentFile(b"two" * 1000))
    call_command("migrate_storage", "--from", "local", "--to", "s3", "--prefix", folder)
    assert remote.open(f"{folder}/a/one.bin").read() == b"one"
    assert remote.size(f"{folder}/two.bin") == 3000
    settings.MEDIA_ROOT = tmp_path / "restored"
    call_command("migrate_storage", "--from", "s3", "--to", "local", "--prefix", folder)
    restored = storage_named("local")
    assert restored.open(f"{folder}/two.bin").read() == b"two" * 1000
    for name in (f"{folder}/a/one.bin", f"{folder}/two.bin"):
        remote.delete(name)
