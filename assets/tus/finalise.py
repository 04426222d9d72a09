"""A complete upload becomes an asset: verify, validate, store once, write the row.

The received file (the partial file in the spool folder) is hashed as it streams in; its SHA-256
must equal the hash the client announced (optional `sha256` metadata). The validator reads the
file on disk (ffprobe, Pillow, pypdf need a path); nothing is held in memory. Only then is it
stored, once, under its content key.

A file that fails its checks leaves no asset (the caller ends the upload and drops its bytes). A
failure that says nothing about the file (a locked database, storage out of reach) leaves the
upload open with every byte, so the client's retry (HEAD, then an empty PATCH at the end)
finishes it. The asset row and the end of the upload are written in one short transaction;
nothing slow runs inside it.
"""

import logging
import posixpath

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files import File
from django.db import DatabaseError, transaction
from django.utils.translation import gettext_lazy as _

from ..ingest import apply_upload_facts, inspect_upload
from ..kinds import ALL_FAMILIES, kind_for_family, kind_named, kind_of_model
from ..models import UploadStatus
from ..storage_keys import content_key
from . import hashing
from .sinks import StoredBytesMismatch

logger = logging.getLogger(__name__)
# Failures that say nothing about the file: the upload stays open and a retry finishes it.
TRANSIENT_ERRORS = (DatabaseError, OSError, BotoCoreError, ClientError)


class SpooledFile(File):
    """A local file that validators may hand to external tools by path."""

    def temporary_file_path(self) -> str:
        return self.file.name


def finalise_upload(upload, sink):
    """Turn the completed upload into an asset (returned), or raise; the received bytes stay
    until `drop_received_bytes`.

    ValidationError or StoredBytesMismatch: these bytes can never become an asset. Any other
    error changes nothing the client relies on, and calling this again finishes the upload.
    """
    sink.check_whole(upload)
    streamed = hashing.peek_digest(str(upload.id), upload.offset)
    with sink.read_back(upload) as stored:
        _check_digests(upload, stored.sha256, streamed)
        # Validated while the last parts are still on their way to storage.
        facts = _inspect(upload, stored.path, stored.sha256)
        sink.complete(upload)
        model = kind_for_family(facts.sniffed.family).model
        key = content_key(stored.sha256, upload.filename)
        sink.store_as(upload, key)
        sha1 = stored.sha1 if hasattr(model, "file_hash") else ""
    asset = create_asset_row(upload, model, facts, key, stored.sha256, sha1)
    hashing.forget(str(upload.id))
    return asset


def create_asset_row(upload, model, facts, key: str, sha256: str, sha1: str):
    """The asset and the end of the upload in one transaction: both are written or neither."""
    with transaction.atomic():
        asset = _new_asset(upload, model, facts, key, sha1)
        upload.asset_type, upload.asset_id = kind_of_model(model).name, asset.pk
        upload.status, upload.sha256, upload.error = UploadStatus.COMPLETE, sha256, ""
        upload.multipart_id, upload.parts = "", []
        upload.save(
            update_fields=["asset_type", "asset_id", "status", "sha256", "error"]
            + ["multipart_id", "parts"]
        )
    return asset


def drop_received_bytes(upload, sink) -> None:
    """The asset exists: the bytes in transit may go (expiry removes what this leaves). The view
    does it once its answer is sent: removing a large partial file takes a while."""
    try:
        sink.discard(upload)
    except TRANSIENT_ERRORS:
        logger.warning("Bytes of upload %s stay until it expires", upload.id, exc_info=True)


def _check_digests(upload, stored_sha256: str, streamed_sha256: str | None) -> None:
    if streamed_sha256 and streamed_sha256 != stored_sha256:
        raise StoredBytesMismatch(_("The stored file differs from the bytes that were received."))
    if upload.expected_sha256 and upload.expected_sha256.lower() != stored_sha256:
        raise StoredBytesMismatch(
            _("The received file does not match the SHA-256 announced by the client.")
        )


def _inspect(upload, path, sha256: str):
    kind = kind_named(upload.asset_type)
    allowed = kind.upload_families if kind else ALL_FAMILIES
    with path.open("rb") as handle:
        return inspect_upload(
            SpooledFile(handle), filename=upload.filename, allowed=allowed, sha256=sha256
        )


def _new_asset(upload, model, facts, key: str, sha1: str):
    title = upload.title or posixpath.splitext(upload.filename)[0]
    asset = model(title=title, collection=upload.collection, uploaded_by_user=upload.user)
    kind_chosen = upload.kind in {value for value, _label in model._meta.get_field("kind").choices}
    if kind_chosen:
        asset.kind = upload.kind
    apply_upload_facts(asset, facts, kind_chosen=kind_chosen)
    asset.file.name = key
    if hasattr(asset, "file_hash"):
        asset.file_hash = sha1
    asset.save()
    return asset
