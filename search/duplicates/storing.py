"""Keeping fingerprints with the asset or article they describe, and where its check stands."""

from django.db import transaction
from django.utils import timezone

from search.keys import key_for

from .enums import CheckState
from .fingerprinting import Fingerprinted
from .modalities import IMAGE, TEXT, modality
from .models import AssetFingerprint, FingerprintStatus
from .thresholds import thresholds

# 2: image fingerprints gained the hash of the HSV value channel (recoloured copies).
# 3: a PDF's content hash covers the images and forms its pages draw (scans no longer collide).
# 4: image hashes are indexed in a second, interleaved partition of bands (`algorithms.bands`).
# 5: a JPEG's content hash is that of its coded picture, not of its decoded pixels (`jpeg`).
# 6: image hashes of a screen or a page seen at an angle inside the picture (`quads`).
FINGERPRINT_VERSION = 6
MAX_ERROR_CHARS = 2000


def store_fingerprints(instance, fingerprinted: Fingerprinted) -> FingerprintStatus:
    """Replace the stored fingerprints of an asset or page with these, and say where its check
    stands: checking (the background part is to come), checked, or not checked (a part failed)."""
    key = key_for(instance)
    limits = thresholds()
    with transaction.atomic():
        AssetFingerprint.objects.filter(key=key).delete()
        for name, content_hash, data in fingerprinted.rows():
            terms = modality(name).index_terms(data, limits)
            if content_hash:
                terms.append(f"content:{content_hash}")
            AssetFingerprint.objects.create(
                key=key,
                modality=name,
                content_hash=content_hash,
                data=data,
                terms=terms,
                version=FINGERPRINT_VERSION,
            )
        return _record_state(key, fingerprinted)


def _record_state(key: str, fingerprinted: Fingerprinted) -> FingerprintStatus:
    if fingerprinted.pending:
        state = CheckState.CHECKING  # the background run computes every part again
    elif fingerprinted.failures:
        state = CheckState.NOT_CHECKED
    else:
        state = CheckState.CHECKED
    status, _created = FingerprintStatus.objects.update_or_create(
        key=key,
        defaults={
            "state": state,
            "content_hash": fingerprinted.content_hash,
            "failures": list(fingerprinted.failures),
            "error": fingerprinted.error[:MAX_ERROR_CHARS],
            "progress": 0.0 if state == CheckState.CHECKING else 1.0,
            "changed_at": timezone.now(),
        },
    )
    return status


def record_failure(key: str, error: Exception) -> None:
    """A background run that could not even start (the original is unreadable, say)."""
    FingerprintStatus.objects.update_or_create(
        key=key,
        defaults={
            "state": CheckState.NOT_CHECKED,
            "error": str(error)[:MAX_ERROR_CHARS],
            "changed_at": timezone.now(),
        },
    )


def mark_indexed(keys: list[str] | None, as_of) -> None:
    """The index holds the terms of these keys' fingerprints stored before `as_of`."""
    waiting = AssetFingerprint.objects.filter(awaiting_index=True, created_at__lte=as_of)
    if keys is not None:
        waiting = waiting.filter(key__in=keys)
    waiting.update(awaiting_index=False)


def status_of(key: str) -> FingerprintStatus | None:
    return FingerprintStatus.objects.filter(key=key).first()


def forget(key: str) -> None:
    AssetFingerprint.objects.filter(key=key).delete()
    FingerprintStatus.objects.filter(key=key).delete()


def stored_fingerprints(instance) -> Fingerprinted:
    """The fingerprints kept for an asset or page, in the form the matcher takes."""
    key = key_for(instance)
    found = Fingerprinted(sha256=getattr(instance, "content_sha256", "") or "")
    rows = {row.modality: row for row in AssetFingerprint.objects.filter(key=key)}
    text = rows.pop(TEXT.name, None)
    found.text_data = text.data if text else None
    if "video" in rows:
        poster = rows.pop(IMAGE.name, None)
        found.poster_data = poster.data if poster else None
    for name, row in rows.items():
        found.modality, found.data, found.content_hash = name, row.data, row.content_hash
    status = status_of(key)
    found.content_hash = found.content_hash or (status.content_hash if status else "")
    if text is not None and not found.content_hash:
        found.content_hash = text.content_hash
    return found
