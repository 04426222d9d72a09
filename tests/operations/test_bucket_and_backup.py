"""The S3 bucket as README "S3 and delivery" describes it, applied by `configure_bucket` to a
bucket of this test's own on MinIO; and the backup of README "Backups and restore": a
PostgreSQL dump restored into a fresh database finds every asset, and a deleted original comes
back from the bucket's previous version."""

import hashlib
import subprocess
import uuid

import pytest
import requests
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from assets.models import DocumentAsset, ImageAsset
from assets.storage.links import s3_client
from tests.factories import document_asset, image_asset

from .production import ROOT, production_env

pytestmark = [pytest.mark.services]


@pytest.fixture
def own_bucket():
    """A bucket of this test's own (the shared one must not become versioned)."""
    client = s3_client(default_storage)
    name = f"ncrl-cfg-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    yield client, name
    versions = client.list_object_versions(Bucket=name)
    for item in versions.get("Versions", []) + versions.get("DeleteMarkers", []):
        client.delete_object(Bucket=name, Key=item["Key"], VersionId=item["VersionId"])
    client.delete_bucket(Bucket=name)


def test_configure_bucket_makes_it_versioned_private_and_tidy(own_bucket, capsys):
    client, bucket = own_bucket
    call_command("configure_bucket", bucket=bucket)
    report = capsys.readouterr().out
    assert "versioning: enabled" in report
    assert client.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    rules = client.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    by_id = {rule["ID"]: rule for rule in rules}
    assert by_id["expire-old-versions"]["NoncurrentVersionExpiration"]["NoncurrentDays"] == 30
    staging = by_id["expire-upload-staging"]  # a day of open uploads (the default) and a week
    assert (staging["Filter"]["Prefix"], staging["Expiration"]["Days"]) == (
        default_storage.object_key("uploads/"),
        8,
    )
    # MinIO refuses AbortIncompleteMultipartUpload (it expires stale uploads itself): the
    # command says so instead of failing; on AWS S3 the rule is in place.
    if "abort-incomplete-multipart-uploads" in by_id:
        rule = by_id["abort-incomplete-multipart-uploads"]
        assert rule["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 1}
    else:
        assert "stale_uploads_expiry" in report

    client.put_object(Bucket=bucket, Key="originals/aa/bb/x.png", Body=b"private bytes")
    endpoint = client.meta.endpoint_url
    anonymous = requests.get(f"{endpoint}/{bucket}/originals/aa/bb/x.png", timeout=10)
    assert anonymous.status_code == 403
    signed = client.generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": "originals/aa/bb/x.png"}, ExpiresIn=60
    )
    assert requests.get(signed, timeout=10).content == b"private bytes"


def test_a_deleted_original_comes_back_from_its_previous_version(own_bucket):
    client, bucket = own_bucket
    call_command("configure_bucket", bucket=bucket)
    key = "originals/cc/dd/photo.jpg"
    client.put_object(Bucket=bucket, Key=key, Body=b"the original bytes")
    client.delete_object(Bucket=bucket, Key=key)
    versions = client.list_object_versions(Bucket=bucket, Prefix=key)
    previous = next(v for v in versions["Versions"] if v["Key"] == key)
    # README, "Backups and restore": copy the last version back over the delete marker.
    client.copy_object(
        Bucket=bucket,
        Key=key,
        CopySource={"Bucket": bucket, "Key": key, "VersionId": previous["VersionId"]},
    )
    assert client.get_object(Bucket=bucket, Key=key)["Body"].read() == b"the original bytes"


@pytest.mark.django_db(transaction=True)
def test_a_dump_restored_into_a_fresh_database_finds_every_asset(tmp_path, agency_a):
    image = image_asset(agency_a, title="Ảnh sao lưu")
    document = document_asset(agency_a, title="Tài liệu sao lưu")
    source = connection.settings_dict
    dump = tmp_path / "ncrl.dump"
    pg = ["-h", source["HOST"], "-p", str(source["PORT"]), "-U", source["USER"]]
    password = {"PGPASSWORD": source["PASSWORD"]}
    run = {"check": True, "capture_output": True, "timeout": 300, "env": password}
    subprocess.run(["pg_dump", *pg, "-Fc", "-f", str(dump), source["NAME"]], **run)
    restored = f"{source['NAME']}_restored"
    subprocess.run(["createdb", *pg, restored], **run)
    try:
        subprocess.run(
            ["pg_restore", *pg, "--no-owner", "--exit-on-error", "-d", restored, str(dump)], **run
        )
        env = production_env(tmp_path / "data", 8000)
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.test",
            DATABASE_URL=f"postgres://{source['USER']}:{source['PASSWORD']}@{source['HOST']}:"
            f"{source['PORT']}/{restored}",
        )
        verified = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "verify_storage"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        subprocess.run(["dropdb", *pg, "--force", restored], **run)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "2 originals checked, 0 problems" in verified.stdout, verified.stdout
    for asset in (image, document):
        with default_storage.open(asset.file.name, "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == asset.content_sha256
    assert ImageAsset.objects.count() == DocumentAsset.objects.count() == 1
