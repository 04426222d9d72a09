"""A complete upload becomes an asset: verify, validate, store once, write the row.

The bytes are read back from storage (from the S3 object, or the partial file) into a local spool
file while hashing: the SHA-256 of the asset is the one of what storage holds, and it must equal
the running hash of what was received (when this worker still has it) and the hash the client
announced (optional `sha256` metadata). The validator needs a real file (ffprobe, Pillow, pypdf
read it), hence the spool file on disk; nothing is held in memory. A file that fails its checks
leaves no asset (the caller ends the upload and drops its bytes); a failure that says nothing about
the file (database locked, storage unreachable) leaves the upload open with every byte, so the
client's retry finishes it.
"""

import logging
import posixpath

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files import File
from django.db import DatabaseError, transaction
from django.utils.translation import gettext_lazy as _

from ..ingest import apply_upload_facts, inspect_upload
from ..models import DocumentAsset, ImageAsset, MediaAsset, UploadStatus
from ..storage_keys import content_key
from . import hashing
from .sinks import StoredBytesMismatch

logger = logging.getLogger(__name__)
# Failures that say nothing about the file: the upload stays open and a retry finishes it.
TRANSIENT_ERRORS = (DatabaseError, OSError, BotoCoreError, ClientError)
ASSET_MODELS = {"image": ImageAsset, "document": DocumentAsset, "media": MediaAsset}
ALL_FAMILIES = ("image", "svg", "document", "video", "audio")


class SpooledFile(File):
    """A local file that validators may hand to external tools by path."""

    def temporary_file_path(self) -> str:
        return self.file.name


def model_for_family(family: str):
    for model in ASSET_MODELS.values():
        if family in model.upload_families:
            return model
    raise LookupError(family)


def asset_type_of(model) -> str:
    return next(name for name, candidate in ASSET_MODELS.items() if candidate is model)


def finalise_upload(upload, sink):
    """Turn the completed upload into an asset (returned), or raise.

    ValidationError or StoredBytesMismatch: these bytes can never become an asset. Any other
    error (a locked database, storage out of reach) changes nothing the client relies on: every
    byte stays, the upload stays open, and calling this again (the client's retry) finishes it.
    Nothing slow runs inside the one short write transaction.
    """
    sink.complete(upload)
    streamed = hashing.peek_digest(str(upload.id), upload.offset)
    with sink.read_back(upload) as stored:
        _check_digests(upload, stored.sha256, streamed)
        facts = _inspect(upload, stored.path)
        model = model_for_family(facts.sniffed.family)
        key = content_key(stored.sha256, upload.filename)
        sink.store_as(upload, key)
    asset = create_asset_row(upload, model, facts, key, stored)
    hashing.forget(str(upload.id))
    _drop_staging(upload, sink)
    return asset


def create_asset_row(upload, model, facts, key: str, stored):
    """The asset and the end of the upload in one transaction: both are written or neither."""
    with transaction.atomic():
        asset = _new_asset(upload, model, facts, key, stored.sha1)
        upload.asset_type, upload.asset_id = asset_type_of(model), asset.pk
        upload.status, upload.sha256 = UploadStatus.COMPLETE, stored.sha256
        upload.multipart_id, upload.parts, upload.error = "", [], ""
        upload.save(
            update_fields=["asset_type", "asset_id", "status", "sha256", "multipart_id", "parts"]
            + ["error"]
        )
    return asset


def _drop_staging(upload, sink) -> None:
    """The asset exists: the bytes in transit may go (expiry removes what this leaves)."""
    try:
        sink.discard(upload)
    except TRANSIENT_ERRORS:
        logger.warning("Staging bytes of upload %s stay until it expires", upload.id, exc_info=True)


def _check_digests(upload, stored_sha256: str, streamed_sha256: str | None) -> None:
    if streamed_sha256 and streamed_sha256 != stored_sha256:
        raise StoredBytesMismatch(_("The stored file differs from the bytes that were received."))
    if upload.expected_sha256 and upload.expected_sha256.lower() != stored_sha256:
        raise StoredBytesMismatch(
            _("The received file does not match the SHA-256 announced by the client.")
        )


def _inspect(upload, path):
    allowed = ASSET_MODELS[upload.asset_type].upload_families if upload.asset_type else ALL_FAMILIES
    with path.open("rb") as handle:
        return inspect_upload(SpooledFile(handle), filename=upload.filename, allowed=allowed)


def _new_asset(upload, model, facts, key: str, sha1: str):
    title = upload.title or posixpath.splitext(upload.filename)[0]
    asset = model(title=title, collection=upload.collection, uploaded_by_user=upload.user)
    if upload.kind in {value for value, _label in model._meta.get_field("kind").choices}:
        asset.kind = upload.kind
    apply_upload_facts(asset, facts)
    asset.file.name = key
    if hasattr(asset, "file_hash"):
        asset.file_hash = sha1
    asset.save()
    return asset
