"""Settings of the transcoding pipeline: each group is a dict in settings merged over defaults.

`TRANSCODING_LADDER` and `TRANSCODING_ENCODER` are read in `ladder.py`; the groups here cover
the images made from video, audio and document previews.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULT_IMAGES: dict[str, Any] = {
    "poster_max_size": 1920,
    "poster_min_brightness": 24.0,
    "sprite_interval_seconds": 5.0,
    "sprite_tile_width": 160,
    "sprite_columns": 10,
    "sprite_max_tiles": 200,
}

DEFAULT_AUDIO: dict[str, Any] = {
    "loudness_target": -16.0,
    "true_peak": -1.5,
    "loudness_range": 11.0,
    "sample_rate": 48000,
    "aac_bitrate": "128k",
    "mp3_bitrate": "128k",
    "waveform_points": 1000,
    "waveform_sample_rate": 8000,
}

DEFAULT_DOCUMENTS: dict[str, Any] = {
    "preview_width": 1200,
    "thumbnail_width": 240,
    "max_pages": 100,
    "image_format": "png",
}


def images_settings() -> dict[str, Any]:
    return _merged("TRANSCODING_IMAGES", DEFAULT_IMAGES)


def audio_settings() -> dict[str, Any]:
    return _merged("TRANSCODING_AUDIO", DEFAULT_AUDIO)


def documents_settings() -> dict[str, Any]:
    return _merged("TRANSCODING_DOCUMENTS", DEFAULT_DOCUMENTS)


def _merged(name: str, defaults: dict[str, Any]) -> dict[str, Any]:
    return {**defaults, **getattr(settings, name, {})}
