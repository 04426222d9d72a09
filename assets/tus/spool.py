"""The local folder for bytes in transit: one partial file per upload."""

import socket
import tempfile
from pathlib import Path

from django.conf import settings


def spool_dir() -> Path:
    configured = getattr(settings, "NCRL_UPLOAD_SPOOL_DIR", None)
    folder = Path(configured) if configured else Path(tempfile.gettempdir()) / "ncrl-uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def spool_path(upload_id, suffix: str) -> Path:
    return spool_dir() / f"{upload_id}{suffix}"


def file_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def truncate(path: Path, size: int) -> None:
    if path.exists():
        with path.open("r+b") as handle:
            handle.truncate(size)


def node_name() -> str:
    """This machine's name in the uploads it receives (NCRL_NODE_NAME, else the host name)."""
    return getattr(settings, "NCRL_NODE_NAME", "") or socket.gethostname()
