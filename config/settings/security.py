"""The Content Security Policy of the site and of the admin, from what the deployment serves.

Scripts come only from our own origin on the public site. Wagtail's admin writes small inline
scripts in its widgets (date pickers, inline panels) and inline styles, so the admin allows
those, and nothing else from elsewhere. Files served from a private S3 bucket (presigned
redirects, rendition URLs) and a CDN are added as image, media and fetch sources; video embeds
(wagtail.embeds) as frame sources.
"""

from urllib.parse import urlsplit

SELF, NONE, DATA, BLOB = "'self'", "'none'", "data:", "blob:"
UNSAFE_INLINE = "'unsafe-inline'"
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.facebook.com",
]


def origin(url: str | None) -> str | None:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def storage_origins(s3_options: dict | None, extra: list[str]) -> list[str]:
    """Where a browser fetches stored files from: the S3 endpoint (path style) or the bucket's
    own host (virtual-hosted style, AWS), plus any CDN named in the environment."""
    found = [origin(url) for url in extra]
    if s3_options:
        bucket = s3_options.get("bucket_name")
        endpoint = s3_options.get("endpoint_url")
        region = s3_options.get("region_name")
        if endpoint:
            found.append(origin(endpoint))
            parts = urlsplit(endpoint)
            found.append(f"{parts.scheme}://{bucket}.{parts.netloc}")
        else:
            found.append(f"https://{bucket}.s3.amazonaws.com")
            if region:
                found.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return list(dict.fromkeys(source for source in found if source))


def site_directives(media: list[str], frames: list[str]) -> dict[str, list[str]]:
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, DATA, BLOB, *media],
        "media-src": [SELF, BLOB, *media],
        "font-src": [SELF, DATA],
        "connect-src": [SELF, *media],
        "worker-src": [SELF, BLOB],
        "frame-src": [SELF, *frames],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def admin_directives(media: list[str], frames: list[str]) -> dict[str, list[str]]:
    directives = site_directives(media, frames)
    directives["script-src"] = [SELF, UNSAFE_INLINE]
    return directives
