"""How long a job still needs, from measured speed.

A running job: its own pace in this attempt (progress over the time since it started). A waiting
job: its amount of work (seconds of media, pages) at the speed recent jobs of the same output
reached on this installation's workers.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import DurationField, ExpressionWrapper, F
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import JobStatus
from .models import TranscodeJob

_SAMPLE = 20
_MIN_PROGRESS = 1.0
_MIN_ELAPSED_SECONDS = 3.0


def measured_speed(output: str) -> float | None:
    """Work units done per second by the latest finished jobs of this output."""
    recent = (
        TranscodeJob.objects.filter(
            output=output, status=JobStatus.DONE, work_units__gt=0, started_at__isnull=False
        )
        .annotate(ran=ExpressionWrapper(F("finished_at") - F("started_at"), DurationField()))
        .order_by("-finished_at")
        .values_list("work_units", "ran")[:_SAMPLE]
    )
    units = seconds = 0.0
    for work, ran in recent:
        if ran is not None and ran.total_seconds() > 0:
            units, seconds = units + work, seconds + ran.total_seconds()
    return units / seconds if seconds else None


def eta_seconds(job: TranscodeJob, speeds: dict[str, float | None], now: dt.datetime | None = None):
    """Seconds the job still needs, or None when nothing has been measured yet."""
    now = now or timezone.now()
    if job.status == JobStatus.RUNNING:
        return _running_eta(job, now)
    if job.status == JobStatus.PENDING and job.work_units:
        if job.output not in speeds:
            speeds[job.output] = measured_speed(job.output)
        speed = speeds[job.output]
        return job.work_units / speed if speed else None
    return None


def _running_eta(job: TranscodeJob, now: dt.datetime) -> float | None:
    if not (job.started_at and job.heartbeat_at) or job.progress < _MIN_PROGRESS:
        return None
    elapsed = (job.heartbeat_at - job.started_at).total_seconds()
    if elapsed < _MIN_ELAPSED_SECONDS:
        return None
    remaining = (100.0 - job.progress) * elapsed / job.progress
    return max(0.0, remaining - (now - job.heartbeat_at).total_seconds())


def eta_label(seconds: float | None, running: bool) -> str:
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    if minutes < 1:
        amount = _("less than a minute")
    elif minutes < 60:
        amount = _("about %(minutes)d min") % {"minutes": minutes}
    else:
        amount = _("about %(hours)d h %(minutes)02d min") % {
            "hours": minutes // 60,
            "minutes": minutes % 60,
        }
    if running:
        return _("%(amount)s left") % {"amount": amount}
    return _("takes %(amount)s once started") % {"amount": amount}
