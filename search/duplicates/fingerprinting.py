"""Which fingerprints a file gets, computing them, and keeping them with the asset.

A failure to fingerprint never refuses an upload: the file has already passed validation, so the
asset is stored and `fingerprint_assets` can try again later; the reason is logged.
"""

import logging
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from assets.ffmpeg import make_poster
from assets.kinds import DOCUMENT as DOCUMENT_KIND
from assets.kinds import IMAGE as IMAGE_KIND
from assets.kinds import kind_of_model
from assets.validation import media_input
from search.folding import fold_words
from search.keys import key_for

from .modalities import IMAGE, MODALITY_OF_FAMILY, TEXT, modality
from .models import AssetFingerprint
from .thresholds import thresholds

logger = logging.getLogger(__name__)

# Shorter texts (a caption, a title) share too many phrases with unrelated ones to compare.
MIN_TEXT_WORDS = 40
# 2: image fingerprints gained the hash of the HSV value channel (recoloured copies).
FINGERPRINT_VERSION = 2


@dataclass
class Fingerprinted:
    """What an upload looks like to the duplicate matcher."""

    sha256: str
    content_hash: str = ""
    modality: str | None = None
    data: dict | None = None
    text_data: dict | None = None
    poster_data: dict | None = None  # a video's poster frame, compared with still images
    failures: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str, dict]]:
        """(modality, content hash, data) of every fingerprint to store; the content hash goes
        with the file's own fingerprint, or with the text for a document."""
        rows = []
        if self.modality and self.data is not None:
            rows.append((self.modality, self.content_hash, self.data))
        if self.poster_data is not None:
            rows.append((IMAGE.name, "", self.poster_data))
        if self.text_data is not None:
            text_hash = "" if rows and self.modality else self.content_hash
            rows.append((TEXT.name, text_hash, self.text_data))
        return rows


@contextmanager
def local_path(file):
    """A path to the file's bytes: its own temporary file, or a copy written for the tools."""
    if hasattr(file, "temporary_file_path"):
        yield Path(file.temporary_file_path())
        return
    with tempfile.NamedTemporaryFile(prefix="ncrl-fp-") as copy:
        file.seek(0)
        while chunk := file.read(1024 * 1024):
            copy.write(chunk)
        copy.flush()
        file.seek(0)
        yield Path(copy.name)


def text_fingerprint(text: str) -> dict | None:
    if len(fold_words(text)) < MIN_TEXT_WORDS:
        return None
    return TEXT.compute(text)


def poster_fingerprint(path: Path) -> dict:
    """The image fingerprint of the frame the transcoder would choose as the video's poster."""
    with tempfile.TemporaryDirectory(prefix="ncrl-poster-") as work:
        poster = make_poster(media_input(path), Path(work) / "poster.jpg")
        return IMAGE.compute(poster.image.path)


def fingerprint_file(file, *, family: str, sha256: str, text: str = "") -> Fingerprinted:
    """Content hash and perceptual fingerprint of an upload (plus its text, for documents)."""
    result = Fingerprinted(sha256=sha256)
    kind = MODALITY_OF_FAMILY.get(family)
    with local_path(file) as path:
        if kind is not None:
            result.content_hash = _attempt(result, "content", kind.content_hash, path) or ""
        if kind is not None and kind is not TEXT:
            result.modality = kind.name
            result.data = _attempt(result, kind.name, kind.compute, path)
        if family == "video":
            result.poster_data = _attempt(result, "poster", poster_fingerprint, path)
    if text:
        result.text_data = _attempt(result, "text", text_fingerprint, text)
    return result


def _attempt(result: Fingerprinted, name: str, function, *args):
    try:
        return function(*args)
    except Exception as error:  # a tool or decoder failed on a file that passed validation
        logger.warning("Fingerprint %s failed: %s", name, error)
        result.failures.append(name)
        return None


def store_fingerprints(instance, fingerprinted: Fingerprinted) -> None:
    """Replace the stored fingerprints of an asset or page with these."""
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


def family_of(asset) -> str:
    """The upload family of a stored asset, from its model (and for media, its type)."""
    kind = kind_of_model(type(asset))
    if kind is IMAGE_KIND:
        return "svg" if asset.file.name.lower().endswith(".svg") else "image"
    if kind is DOCUMENT_KIND:
        return "document"
    return asset.type


def fingerprint_asset(asset) -> Fingerprinted:
    """Fingerprint a stored asset from its file (management command, older assets)."""
    text = getattr(asset, "extracted_text", "")
    with asset.file.open("rb") as handle:
        found = fingerprint_file(
            handle, family=family_of(asset), sha256=asset.content_sha256, text=text
        )
    store_fingerprints(asset, found)
    return found


def stored_fingerprints(instance) -> Fingerprinted:
    """The fingerprints kept for an asset or page, in the form the matcher takes."""
    found = Fingerprinted(sha256=getattr(instance, "content_sha256", "") or "")
    rows = {row.modality: row for row in AssetFingerprint.objects.filter(key=key_for(instance))}
    text = rows.pop(TEXT.name, None)
    found.text_data = text.data if text else None
    if "video" in rows:
        poster = rows.pop(IMAGE.name, None)
        found.poster_data = poster.data if poster else None
    for name, row in rows.items():
        found.modality, found.data, found.content_hash = name, row.data, row.content_hash
    if text is not None and not found.content_hash:
        found.content_hash = text.content_hash
    return found
