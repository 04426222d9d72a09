"""A complete upload becomes an asset: verify, validate, store once, write the row.

The bytes are read back from storage (from the S3 object, or the partial file) into a local spool
file while hashing: the SHA-256 of the asset is the one of what storage holds, and it must equal
the running hash of what was received (when this worker still has it) and the hash the client
announced (optional `sha256` metadata). The validator needs a real file (ffprobe, Pillow, pypdf
read it), hence the spool file on disk; nothing is held in memory. Any failure leaves no asset,
and the staging bytes are dropped.
"""

import posixpath

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..ingest import apply_upload_facts, inspect_upload
from ..kinds import ALL_FAMILIES, kind_for_family, kind_named
from ..storage_keys import content_key
from . import hashing
from .sinks import StoredBytesMismatch


class SpooledFile(File):
    """A local file that validators may hand to external tools by path."""

    def temporary_file_path(self) -> str:
        return self.file.name


def finalise_upload(upload, sink):
    """Turn the completed upload into an asset (returned) or raise; the staging bytes go."""
    sink.complete(upload)
    streamed = hashing.peek_digest(str(upload.id), upload.offset)
    with sink.read_back(upload) as stored:
        _check_digests(upload, stored.sha256, streamed)
        facts = _inspect(upload, stored.path)
        model = kind_for_family(facts.sniffed.family).model
        key = content_key(stored.sha256, upload.filename)
        newly_stored = sink.store_as(upload, key)
        sha1 = stored.sha1 if hasattr(model, "file_hash") else ""
    hashing.forget(str(upload.id))
    sink.discard(upload)
    try:
        with transaction.atomic():
            asset = _create_asset(upload, model, facts, key, sha1)
    except Exception:
        if newly_stored:
            sink.storage.delete(key)
        raise
    upload.sha256 = stored.sha256
    return asset


def _check_digests(upload, stored_sha256: str, streamed_sha256: str | None) -> None:
    if streamed_sha256 and streamed_sha256 != stored_sha256:
        raise StoredBytesMismatch(_("The stored file differs from the bytes that were received."))
    if upload.expected_sha256 and upload.expected_sha256.lower() != stored_sha256:
        raise StoredBytesMismatch(
            _("The received file does not match the SHA-256 announced by the client.")
        )


def _inspect(upload, path):
    kind = kind_named(upload.asset_type)
    allowed = kind.upload_families if kind else ALL_FAMILIES
    with path.open("rb") as handle:
        return inspect_upload(SpooledFile(handle), filename=upload.filename, allowed=allowed)


def _create_asset(upload, model, facts, key: str, sha1: str):
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
