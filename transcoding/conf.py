"""Settings of the transcoding pipeline: each group is a dict in settings merged over defaults.

`TRANSCODING` holds how jobs run (time limit, retries, when a silent worker counts as dead);
`TRANSCODING_LADDER` and `TRANSCODING_ENCODER` are read in `ladder.py`; the other groups here
cover the images made from video, audio and document previews.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from assets.ffmpeg.posters import POSTER_MAX_SIZE, POSTER_MIN_BRIGHTNESS

DEFAULT_JOBS: dict[str, Any] = {
    "TIMEOUT_SECONDS": 4 * 3600,
    "MAX_ATTEMPTS": 3,
    "RETRY_BASE_SECONDS": 30,
    # A running job whose worker has said nothing for this long is handed out again.
    "STALE_SECONDS": 120,
    # A waiting job whose queued task is gone (a queue that was emptied) is queued again after this.
    "LOST_TASK_SECONDS": 600,
    # The uploader is told when a job that ran at least this long ends (failures always).
    "NOTIFY_AFTER_SECONDS": 60,
    "TASK_BACKEND": "default",
}

DEFAULT_IMAGES: dict[str, Any] = {
    "poster_max_size": POSTER_MAX_SIZE,
    "poster_min_brightness": POSTER_MIN_BRIGHTNESS,
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


def job_setting(name: str) -> Any:
    return _merged("TRANSCODING", DEFAULT_JOBS)[name]


def images_settings() -> dict[str, Any]:
    return _merged("TRANSCODING_IMAGES", DEFAULT_IMAGES)


def audio_settings() -> dict[str, Any]:
    return _merged("TRANSCODING_AUDIO", DEFAULT_AUDIO)


def documents_settings() -> dict[str, Any]:
    return _merged("TRANSCODING_DOCUMENTS", DEFAULT_DOCUMENTS)


def _merged(name: str, defaults: dict[str, Any]) -> dict[str, Any]:
    return {**defaults, **getattr(settings, name, {})}
