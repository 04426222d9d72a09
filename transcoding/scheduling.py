"""Create the jobs an asset needs and hand them to the task queue."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .enums import JobStatus
from .models import TranscodeJob
from .outputs import PRODUCERS, outputs_for


def schedule_asset(asset) -> list[TranscodeJob]:
    """One job per output the asset needs; a new original resets its jobs."""
    content_type = ContentType.objects.get_for_model(asset)
    jobs = []
    for output in outputs_for(asset):
        if output not in PRODUCERS:
            continue
        job, created = TranscodeJob.objects.get_or_create(
            content_type=content_type,
            object_id=asset.pk,
            output=output,
            defaults={"source_sha256": asset.content_sha256},
        )
        if not created and job.source_sha256 != asset.content_sha256:
            TranscodeJob.objects.filter(pk=job.pk).update(
                source_sha256=asset.content_sha256,
                status=JobStatus.PENDING,
                progress=0,
                attempts=0,
                error="",
            )
            created = True
        if created:
            jobs.append(job)
            transaction.on_commit(lambda pk=job.pk: enqueue_job(pk))
    return jobs


def enqueue_job(job_id: int, delay: float = 0) -> None:
    from .runner import setting
    from .tasks import run_transcode_job

    task = run_transcode_job.using(backend=setting("TASK_BACKEND", "default"))
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    elif delay:
        return  # no deferred retries on this backend: the admin's retry button remains
    task.enqueue(job_id)


def retry_job(job: TranscodeJob) -> None:
    TranscodeJob.objects.filter(pk=job.pk).update(status=JobStatus.PENDING, attempts=0, error="")
    enqueue_job(job.pk)


def recover_stale_jobs(stale_seconds: int = 120) -> list[int]:
    """Hand out again the jobs whose worker died or whose queued task was lost."""
    cutoff = timezone.now() - dt.timedelta(seconds=stale_seconds)
    stale = TranscodeJob.objects.filter(
        Q(status=JobStatus.RUNNING, heartbeat_at__lt=cutoff)
        | Q(status=JobStatus.PENDING, created_at__lt=cutoff)
    )
    job_ids = list(stale.values_list("pk", flat=True))
    for job_id in job_ids:
        enqueue_job(job_id)
    return job_ids
