from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


UNFINISHED = (JobStatus.PENDING, JobStatus.RUNNING)


class OutputKind(models.TextChoices):
    VIDEO_LADDER = "video_ladder", _("MP4 and HLS renditions")
    POSTER = "poster", _("Poster frame")
    SPRITE = "sprite", _("Scrubbing thumbnails")
    AUDIO = "audio", _("Normalised audio and waveform")
    DOCUMENT_PREVIEW = "document_preview", _("Page previews")


# Quick pictures an editor waits for go before the long encodes, on a queue of their own.
PREVIEW_OUTPUTS = frozenset({OutputKind.POSTER, OutputKind.SPRITE, OutputKind.DOCUMENT_PREVIEW})


class NotificationKind(models.TextChoices):
    DONE = "done", _("finished")
    FAILED = "failed", _("failed")
