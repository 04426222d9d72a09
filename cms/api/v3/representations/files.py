"""URLs of an asset's files: its original, image sizes on demand, and what transcoding made
(MP4 rungs, HLS, poster, storyboard, waveform, PDF page previews), fetched for a whole page of
assets in one query."""

import re

from django.contrib.contenttypes.models import ContentType
from wagtail.images.utils import generate_signature

from transcoding.enums import JobStatus
from transcoding.models import Rendition

from .urls import url_maker

# Image sizes every image representation lists; more on demand with `?rendition=`.
DEFAULT_IMAGE_SPECS = {
    "thumbnail": "max-320x320",
    "small": "width-640",
    "medium": "width-1280",
    "large": "width-1920",
    "medium-webp": "width-1280|format-webp",
}
MAX_DIMENSION = 4000
MAX_EXTRA_SPECS = 5
_OPERATION = re.compile(
    r"^(?:(?:width|height)-(\d{1,4})|(?:max|min|fill)-(\d{1,4})x(\d{1,4})"
    r"|format-(?:jpeg|png|webp|avif)|jpegquality-(?:[1-9]\d?|100)|webpquality-(?:[1-9]\d?|100))$"
)


def valid_image_spec(spec: str) -> bool:
    """A filter spec within the allowed operations and sizes (no more than 4000 px a side)."""
    operations = spec.split("|")
    if not 1 <= len(operations) <= 3:
        return False
    for operation in operations:
        match = _OPERATION.match(operation)
        if match is None:
            return False
        sizes = [int(group) for group in match.groups() if group]
        if any(size < 1 or size > MAX_DIMENSION for size in sizes):
            return False
    return True


def file_url(request, name: str) -> str:
    return url_maker(request).path("assets:file", name)


def image_rendition_url(request, image_id: int, spec: str) -> str:
    signature = generate_signature(image_id, spec)
    return url_maker(request).path("wagtailimages_serve", signature, image_id, spec)


def image_renditions(request, image, extra_specs: list[str]) -> list[dict]:
    specs = {**DEFAULT_IMAGE_SPECS, **{spec: spec for spec in extra_specs}}
    return [
        {"name": name, "url": image_rendition_url(request, image.pk, spec)}
        for name, spec in specs.items()
    ]


def transcoded_by_asset(model, ids: list[int]) -> dict[int, list[Rendition]]:
    """The finished renditions of each asset, in one query."""
    content_type = ContentType.objects.get_for_model(model)
    rows = Rendition.objects.filter(
        job__content_type=content_type, job__object_id__in=ids, job__status=JobStatus.DONE
    ).select_related("job")
    found: dict[int, list[Rendition]] = {}
    for row in rows:
        found.setdefault(row.job.object_id, []).append(row)
    return found


def rendition_dict(request, row: Rendition) -> dict:
    return {
        "name": row.name,
        "url": file_url(request, row.file.name),
        "mime_type": row.mime_type,
        "width": row.width,
        "height": row.height,
        "duration": row.duration,
        "bit_rate": row.bit_rate,
        "size": row.size,
    }


def transcoded_files(request, rows: list[Rendition]) -> dict:
    """The named outputs: HLS master, poster, storyboard (+VTT), waveform, page previews."""
    by_name = {row.name: row for row in rows}

    def url(name: str) -> str | None:
        row = by_name.get(name)
        return file_url(request, row.file.name) if row else None

    previews = sorted(name for name in by_name if name.startswith("page-"))
    return {
        "hls": url("hls"),
        "poster": url("poster"),
        "storyboard": url("sprite"),
        "storyboard_vtt": url("sprite-vtt"),
        "waveform": url("waveform"),
        "previews": [url(name) for name in ["preview", *previews] if name in by_name],
    }


STREAM_NAMES = {"hls", "poster", "sprite", "sprite-vtt", "waveform", "preview"}


def downloadable_renditions(request, rows: list[Rendition]) -> list[dict]:
    """MP4 rungs and audio renditions (the named outputs are listed under `files`)."""
    kept = [
        row for row in rows if row.name not in STREAM_NAMES and not row.name.startswith("page-")
    ]
    return [rendition_dict(request, row) for row in sorted(kept, key=lambda row: row.name)]
