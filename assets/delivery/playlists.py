"""HLS playlists served by the application with every URI made absolute.

Playlists on storage name their variants, init segments and media segments relatively. Behind a
redirect to a presigned S3 URL a player would resolve those against the signed URL and fail, so
playlists are never redirected: they are read here and each URI becomes a path of the file view,
which checks access and redirects (or streams) every segment on its own.
"""

import posixpath
import re
from collections.abc import Callable

_URI_ATTRIBUTE = re.compile(r'URI="([^"]*)"')
PLAYLIST_SUFFIX = ".m3u8"


def is_playlist(name: str) -> bool:
    return name.lower().endswith(PLAYLIST_SUFFIX)


def resolve(playlist_name: str, uri: str) -> str | None:
    """The stored name a relative URI points at, or None if it leaves the playlist's tree or is
    already absolute."""
    if not uri or "://" in uri or uri.startswith("/"):
        return None
    base = posixpath.dirname(playlist_name)
    joined = posixpath.normpath(posixpath.join(base, uri.split("?", 1)[0]))
    root = playlist_name.split("/", 1)[0]
    if joined.startswith("..") or not joined.startswith(f"{root}/"):
        return None
    return joined


def rewrite_playlist(text: str, playlist_name: str, url_for: Callable[[str], str]) -> str:
    """Each segment, variant and `URI="..."` attribute as `url_for(stored name)`."""

    def absolute(uri: str) -> str:
        name = resolve(playlist_name, uri)
        return url_for(name) if name else uri

    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(absolute(stripped))
        elif stripped.startswith("#") and 'URI="' in stripped:
            lines.append(_URI_ATTRIBUTE.sub(lambda m: f'URI="{absolute(m.group(1))}"', stripped))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"
