"""Create the jobs an asset needs, hand them to the task queue, retry or cancel them."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .conf import job_setting
from .enums import PREVIEW_OUTPUTS, UNFINISHED, JobStatus
from .models import TranscodeJob
from .outputs import PRODUCERS, outputs_for, work_units
from .tasks import PREVIEW_PRIORITY, run_preview_job, run_transcode_job


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
            defaults={"source_sha256": asset.content_sha256, "work_units": work_units(asset)},
        )
        if not created and job.source_sha256 != asset.content_sha256:
            _reset(job, source_sha256=asset.content_sha256, work_units=work_units(asset))
            created = True
        if created:
            jobs.append(job)
            transaction.on_commit(lambda pk=job.pk: enqueue_job(pk))
    return jobs


def enqueue_job(job_id: int) -> None:
    """Queue the task that runs the job; remember its id so a lost task can be noticed."""
    job = TranscodeJob.objects.filter(pk=job_id).only("output").first()
    if job is None:
        return
    backend = job_setting("TASK_BACKEND")
    if job.output in PREVIEW_OUTPUTS:
        task = run_preview_job.using(backend=backend)
        if task.get_backend().supports_priority:
            task = task.using(priority=PREVIEW_PRIORITY)
    else:
        task = run_transcode_job.using(backend=backend)
    TranscodeJob.objects.filter(pk=job_id).update(queued_at=timezone.now())
    result = task.enqueue(job_id)
    TranscodeJob.objects.filter(pk=job_id).update(task_id=result.id)


def retry_job(job: TranscodeJob) -> bool:
    """Start a failed or cancelled job again from scratch, with its attempts counted anew."""
    if not _reset(job, only_from=(JobStatus.FAILED, JobStatus.CANCELLED)):
        return False
    enqueue_job(job.pk)
    return True


def cancel_job(job: TranscodeJob) -> bool:
    """Stop a waiting or running job; a running one stops at its next heartbeat."""
    return bool(
        TranscodeJob.objects.filter(pk=job.pk, status__in=[*UNFINISHED, JobStatus.FAILED]).update(
            status=JobStatus.CANCELLED, retry_at=None, finished_at=timezone.now()
        )
    )


def _reset(job: TranscodeJob, only_from=None, **changes) -> int:
    jobs = TranscodeJob.objects.filter(pk=job.pk)
    if only_from is not None:
        jobs = jobs.filter(status__in=only_from)
    return jobs.update(
        status=JobStatus.PENDING,
        progress=0,
        attempts=0,
        error="",
        retry_at=None,
        finished_at=None,
        **changes,
    )
