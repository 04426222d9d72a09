"""The local folder for bytes in transit: partial files (local storage), part buffers (S3)."""

import tempfile
from pathlib import Path

from django.conf import settings

DEFAULT_PART_SIZE = 8 * 1024 * 1024
MIN_PART_SIZE = 5 * 1024 * 1024  # S3's smallest part, except the last one
MAX_PARTS = 10_000
COPY_CHUNK = 1024 * 1024


def spool_dir() -> Path:
    configured = getattr(settings, "NCRL_UPLOAD_SPOOL_DIR", None)
    folder = Path(configured) if configured else Path(tempfile.gettempdir()) / "ncrl-uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def spool_path(upload_id, suffix: str) -> Path:
    return spool_dir() / f"{upload_id}{suffix}"


def part_size_for(length: int) -> int:
    """The configured part size, raised when needed so that a file fits in 10,000 parts."""
    configured = max(getattr(settings, "NCRL_UPLOAD_PART_SIZE", DEFAULT_PART_SIZE), MIN_PART_SIZE)
    return max(configured, -(-length // MAX_PARTS))


def file_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def truncate(path: Path, size: int) -> None:
    if path.exists():
        with path.open("r+b") as handle:
            handle.truncate(size)
