"""Opening, finding and ending resumable uploads."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from cms.agencies.access import agencies_of
from cms.agencies.models import Agency

from ..kinds import ALL_FAMILIES, kind_named
from ..models import ResumableUpload, UploadStatus
from ..validation.errors import UploadRejected
from ..validation.names import check_upload_name
from . import hashing
from .protocol import ProtocolError, is_plain_int

DEFAULT_EXPIRY_HOURS = 24
TYPE_LIMITS = {"image": "image_max_bytes", "document": "document_max_bytes"}


def expiry_from_now():
    hours = getattr(settings, "NCRL_UPLOAD_EXPIRY_HOURS", DEFAULT_EXPIRY_HOURS)
    return timezone.now() + timedelta(hours=hours)


def max_upload_size(asset_type: str = "") -> int:
    limits = settings.ASSET_UPLOAD_LIMITS
    return limits[TYPE_LIMITS.get(asset_type, "media_max_bytes")]


def target_collection(user, metadata: dict[str, str]) -> Collection:
    """The agency collection the asset goes to: named, or the uploader's only agency."""
    agencies = Agency.objects.all() if user.is_superuser else agencies_of(user)
    if "collection" in metadata and not is_plain_int(metadata["collection"]):
        raise ProtocolError(400, str(_("The metadata 'collection' must be a collection number.")))
    if "collection" in metadata:
        wanted = [a for a in agencies if a.collection_id == int(metadata["collection"])]
    elif metadata.get("agency"):
        wanted = [a for a in agencies if a.code == metadata["agency"]]
    else:
        wanted = list(agencies) if len(agencies) == 1 else []
    if len(wanted) != 1 or wanted[0].collection is None:
        raise ProtocolError(
            400, str(_("Name the agency (metadata 'agency') whose library receives the file."))
        )
    return wanted[0].collection


def open_upload(user, length: int, metadata: dict[str, str], sink) -> ResumableUpload:
    asset_type = metadata.get("type", "")
    if asset_type and kind_named(asset_type) is None:
        raise ProtocolError(400, str(_("Unknown asset type %(type)s.") % {"type": asset_type}))
    if not metadata.get("filename"):
        raise ProtocolError(400, str(_("Upload-Metadata must give the filename.")))
    _check_name(metadata["filename"], asset_type)
    if length == 0:
        raise ProtocolError(400, str(_("The file is empty.")))
    if length > max_upload_size(asset_type):
        raise ProtocolError(413, str(_("The file is larger than this library accepts.")))
    upload = ResumableUpload(
        user=user,
        collection=target_collection(user, metadata),
        filename=metadata["filename"],
        title=metadata.get("title", "")[:255],
        asset_type=asset_type,
        kind=metadata.get("kind", "")[:20],
        expected_sha256=metadata.get("sha256", "")[:64],
        length=length,
        expires_at=expiry_from_now(),
    )
    sink.begin(upload)
    upload.save()
    hashing.start(str(upload.id))
    return upload


def _check_name(filename: str, asset_type: str) -> None:
    """Refuse now a name the finished file could never pass with."""
    kind = kind_named(asset_type)
    allowed = kind.upload_families if kind else ALL_FAMILIES
    try:
        check_upload_name(filename, allowed)
    except UploadRejected as error:
        raise ProtocolError(400, error.text, error.code) from error


def upload_of(user, upload_id) -> ResumableUpload:
    """The user's own upload (superusers: any); others' uploads look missing."""
    queryset = ResumableUpload.objects.select_related("collection", "user")
    if not user.is_superuser:
        queryset = queryset.filter(user=user)
    upload = queryset.filter(pk=upload_id).first()
    if upload is None:
        raise ProtocolError(404, str(_("No such upload.")))
    return upload


def end_upload(upload, sink, status: str = UploadStatus.FAILED, error: str = "") -> None:
    """Drop the bytes in transit and record how the upload ended."""
    hashing.forget(str(upload.id))
    sink.discard(upload)
    upload.status, upload.error, upload.multipart_id, upload.parts = status, error, "", []
    upload.save()


def remove_expired_uploads(sink, now=None) -> int:
    """Delete uploads past their expiry: unfinished bytes first, then the rows."""
    expired = ResumableUpload.objects.filter(expires_at__lt=now or timezone.now())
    count = 0
    for upload in expired.iterator():
        if upload.is_receiving:
            hashing.forget(str(upload.id))
            sink.discard(upload)
        with transaction.atomic():
            upload.delete()
        count += 1
    return count
