"""Where an original lives in storage: a key derived from its SHA-256, so bytes are stored once."""

import posixpath
import uuid

ORIGINALS_PREFIX = "originals"


def content_key(sha256: str, filename: str) -> str:
    extension = posixpath.splitext(filename)[1].lower()[:10]
    return f"{ORIGINALS_PREFIX}/{sha256[:2]}/{sha256[2:4]}/{sha256}{extension}"


def original_upload_to(instance, filename: str) -> str:
    """Upload path of an asset's original; a random key if the hash is not known yet."""
    sha256 = getattr(instance, "content_sha256", "")
    if sha256:
        return content_key(sha256, filename)
    return f"{ORIGINALS_PREFIX}/unhashed/{uuid.uuid4().hex}{posixpath.splitext(filename)[1][:10]}"
