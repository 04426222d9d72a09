"""Which fingerprints a file gets, and computing them: the cheap part while the upload is
received, everything in the background (`background`).

A request computes only what costs about as much as reading the file: the content hash, and for
still images their fingerprints. Video frames, Chromaprint, the poster and a document's text are
left for the background task (`Fingerprinted.pending`). A failure to fingerprint never refuses an
upload: the file has already passed validation; the failed parts are recorded
(`Fingerprinted.failures`, then the item's `FingerprintStatus`) and retried.
"""

import logging
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assets.ffmpeg import MediaInput, make_poster
from assets.kinds import DOCUMENT as DOCUMENT_KIND
from assets.kinds import IMAGE as IMAGE_KIND
from assets.kinds import kind_of_model
from assets.validation import media_input
from search.folding import fold_words

from .modalities import AUDIO, IMAGE, MODALITY_OF_FAMILY, TEXT, VIDEO
from .modalities.base import Progress, part_of

logger = logging.getLogger(__name__)

# Shorter texts (a caption, a title) share too many phrases with unrelated ones to compare.
MIN_TEXT_WORDS = 40
# What only the background task computes (a document: the MinHash of its text).
BACKGROUND_FAMILIES = frozenset({"video", "audio", "document"})


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
    error: str = ""  # what the last failure said
    pending: bool = False  # the background part is still to be computed

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
    """A path to the file's bytes: its own file on this disk, or a copy written for the tools."""
    own = _own_path(file)
    if own is not None:
        yield own
        return
    with tempfile.NamedTemporaryFile(prefix="ncrl-fp-") as copy:
        file.seek(0)
        while chunk := file.read(1024 * 1024):
            copy.write(chunk)
        copy.flush()
        file.seek(0)
        yield Path(copy.name)


def _own_path(file) -> Path | None:
    if hasattr(file, "temporary_file_path"):
        return Path(file.temporary_file_path())
    try:
        path = Path(file.path)  # a stored file in a local folder (not in S3)
    except (AttributeError, NotImplementedError, ValueError):
        return None
    return path if path.is_file() else None


def text_fingerprint(text: str) -> dict | None:
    if len(fold_words(text)) < MIN_TEXT_WORDS:
        return None
    return TEXT.compute(text)


def poster_fingerprint(source: MediaInput) -> dict:
    """The image fingerprint of the frame the transcoder would choose as the video's poster."""
    with tempfile.TemporaryDirectory(prefix="ncrl-poster-") as work:
        poster = make_poster(source, Path(work) / "poster.jpg")
        return IMAGE.compute(poster.image.path)


def fingerprint_quickly(file, *, family: str, sha256: str, demuxer: str = "") -> Fingerprinted:
    """What a request may afford: the content hash, and a still image's fingerprints."""
    result = Fingerprinted(sha256=sha256, pending=family in BACKGROUND_FAMILIES)
    kind = MODALITY_OF_FAMILY.get(family)
    if kind is None:
        return result
    with local_path(file) as path:
        source = _source(kind, path, demuxer)
        result.content_hash = _attempt(result, "content", kind.content_hash, source) or ""
        if kind is IMAGE:
            result.modality = IMAGE.name
            result.data = _attempt(result, IMAGE.name, IMAGE.compute, path)
    return result


def fingerprint_file(
    file,
    *,
    family: str,
    sha256: str,
    text: str = "",
    demuxer: str = "",
    filename: str = "",
    on_progress: Progress | None = None,
) -> Fingerprinted:
    """Every fingerprint of a file (and of its text, for documents): the background task's
    work, and the management command's."""
    result = Fingerprinted(sha256=sha256)
    kind = MODALITY_OF_FAMILY.get(family)
    with local_path(file) as path:
        source = _source(kind, path, demuxer, filename) if kind is not None else path
        if kind is not None:
            result.content_hash = _attempt(result, "content", kind.content_hash, source) or ""
        if kind is not None and kind is not TEXT:
            result.modality = kind.name
            compute = kind.compute
            result.data = _attempt(result, kind.name, compute, source, part_of(on_progress, 0, 0.9))
        if kind is VIDEO:
            result.poster_data = _attempt(result, "poster", poster_fingerprint, source)
    if text:
        result.text_data = _attempt(result, "text", text_fingerprint, text)
    return result


def _source(kind, path: Path, demuxer: str, filename: str = ""):
    """What the modality reads: the path, or for audio and video the media input that names the
    format its bytes were identified as (identified again if the upload did not say)."""
    if kind not in (AUDIO, VIDEO):
        return path
    return MediaInput(path, demuxer) if demuxer else media_input(path, filename)


def _attempt(result: Fingerprinted, name: str, function, *args):
    try:
        return function(*args)
    except Exception as error:  # a tool or decoder failed on a file that passed validation
        logger.warning("Fingerprint %s failed: %s", name, error)
        result.failures.append(name)
        result.error = f"{name}: {error}"
        return None


def family_of(asset) -> str:
    """The upload family of a stored asset, from its model (and for media, its type)."""
    kind = kind_of_model(type(asset))
    if kind is IMAGE_KIND:
        return "svg" if asset.file.name.lower().endswith(".svg") else "image"
    if kind is DOCUMENT_KIND:
        return "document"
    return asset.type


def fingerprint_asset(asset, on_progress: Progress | None = None) -> Fingerprinted:
    """Every fingerprint of a stored asset, from its file (background task, command)."""
    text = getattr(asset, "extracted_text", "")
    with asset.file.open("rb") as handle:
        return fingerprint_file(
            handle,
            family=family_of(asset),
            sha256=asset.content_sha256,
            text=text,
            filename=getattr(asset, "filename", "") or asset.file.name,
            on_progress=on_progress,
        )
