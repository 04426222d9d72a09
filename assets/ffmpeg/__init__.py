"""The one place the library runs ffmpeg and ffprobe: probing, encoding with progress, posters.

It imports no Django app, so `assets`, `transcoding` and the duplicates app all use it. Every
input is a `MediaInput` (a path and the format its bytes were identified as), opened with the
format forced and only the `file` protocol allowed; see `inputs.py`.
"""

from .inputs import SELF_CONTAINED_FORMATS, MediaInput, UnsafeInput, input_args
from .posters import ImageOutput, Poster, describe_image, grab_frame, make_poster
from .probe import MediaProbe, ProbeError, probe
from .run import (
    FfmpegError,
    FfmpegStopped,
    FfmpegTimeout,
    ProgressCallback,
    StopRequested,
    percent_done,
    run_ffmpeg,
    scaled_progress,
)

__all__ = [
    "SELF_CONTAINED_FORMATS",
    "FfmpegError",
    "FfmpegStopped",
    "FfmpegTimeout",
    "ImageOutput",
    "MediaInput",
    "MediaProbe",
    "Poster",
    "ProbeError",
    "ProgressCallback",
    "StopRequested",
    "UnsafeInput",
    "describe_image",
    "grab_frame",
    "input_args",
    "make_poster",
    "percent_done",
    "probe",
    "run_ffmpeg",
    "scaled_progress",
]
