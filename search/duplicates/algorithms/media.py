"""Facts about a media file that several fingerprints need."""

import subprocess

from assets.ffmpeg.inputs import MediaInput, input_args


def media_duration(source: MediaInput) -> float:
    """Seconds, from the container (0 when it does not say)."""
    command = ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
               *input_args(source)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    try:
        return max(0.0, float(result.stdout.strip()))
    except ValueError:
        return 0.0
