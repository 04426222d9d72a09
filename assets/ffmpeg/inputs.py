"""How ffmpeg and ffprobe are allowed to open a file: one local file, in a format we name.

Left to itself ffmpeg guesses the format from the name and the first bytes, and some formats
(HLS and other playlists, concat lists, SDP) are lists of further URLs that the demuxer opens:
an upload could make the server read its own files. So every input is a `MediaInput` whose
format was identified from the bytes beforehand (`assets.validation.media_input`): the format
is forced with `-f`, only formats that contain their media themselves are accepted, and only
the `file` protocol may be opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# ffmpeg demuxers of self-contained media containers; none of them opens another URL.
SELF_CONTAINED_FORMATS = frozenset(
    {"mov", "matroska", "ogg", "mp3", "aac", "wav", "flac", "aiff", "amr", "avi", "mpegts",
     "mpeg", "flv", "asf"}
)  # fmt: skip
PROTOCOL_WHITELIST = "file"


class UnsafeInput(ValueError):
    """The format may refer to other files or URLs, or is not one ffmpeg should open for us."""


@dataclass(frozen=True)
class MediaInput:
    """A local media file and the ffmpeg demuxer that its bytes were identified as."""

    path: Path
    format: str

    def __post_init__(self) -> None:
        if self.format not in SELF_CONTAINED_FORMATS:
            raise UnsafeInput(f"ffmpeg may not open {self.format!r} inputs")
        object.__setattr__(self, "path", Path(os.path.abspath(self.path)))

    @property
    def url(self) -> str:
        """The path as a `file:` URL, so a name like `concat:a|b` cannot pick a protocol."""
        return f"file:{self.path}"

    def options(self) -> dict[str, str]:
        """Input options by name (for ffmpeg-python's keyword arguments)."""
        return {"protocol_whitelist": PROTOCOL_WHITELIST, "f": self.format}


def input_args(source: MediaInput, *before: str) -> list[str]:
    """`[-ss ...] -protocol_whitelist file -f <format> -i file:<path>` for an ffmpeg command."""
    forced = [item for key, value in source.options().items() for item in (f"-{key}", value)]
    return [*before, *forced, "-i", source.url]
