"""Admin pages: an asset's jobs with live progress and ETA, retry and cancel, the latest jobs."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assets.visibility import visible_to

from .access import may_change, visible_asset
from .enums import UNFINISHED, JobStatus
from .eta import eta_label, eta_seconds
from .models import JobNotification, TranscodeJob
from .outputs import transcoded_models
from .scheduling import cancel_job, retry_job

RETRYABLE = (JobStatus.FAILED, JobStatus.CANCELLED)
CANCELLABLE = (*UNFINISHED, JobStatus.FAILED)


def jobs_of(asset):
    content_type = ContentType.objects.get_for_model(asset)
    return (
        TranscodeJob.objects.filter(content_type=content_type, object_id=asset.pk)
        .prefetch_related("renditions")
        .order_by("output")
    )


def annotate(jobs: list[TranscodeJob]) -> list[TranscodeJob]:
    """Give each job its ETA and the actions its state allows (for templates and JSON)."""
    speeds: dict = {}
    now = timezone.now()
    for job in jobs:
        job.eta = eta_seconds(job, speeds, now)
        job.eta_label = eta_label(job.eta, job.status == JobStatus.RUNNING)
        job.retryable = job.status in RETRYABLE
        # A failed job waiting for its automatic retry can still be called off.
        job.cancellable = job.status in UNFINISHED or (
            job.status == JobStatus.FAILED and job.retry_at is not None
        )
    return jobs


def job_as_dict(job: TranscodeJob) -> dict:
    return {
        "id": job.pk,
        "output": job.output,
        "label": job.get_output_display(),
        "status": job.status,
        "status_label": job.get_status_display(),
        "progress": job.progress,
        "attempts": job.attempts,
        "error": job.error,
        "retry_at": job.retry_at.isoformat() if job.retry_at else None,
        "eta_seconds": job.eta,
        "eta_label": job.eta_label,
        "renditions": [
            {
                "name": r.name,
                "url": r.file.url,
                "mime_type": r.mime_type,
                "width": r.width,
                "height": r.height,
                "duration": r.duration,
                "bit_rate": r.bit_rate,
                "size": r.size,
            }
            for r in job.renditions.all()
        ],
    }


def asset_jobs(request, app_label: str, model_name: str, pk: int):
    asset = visible_asset(request.user, app_label, model_name, pk)
    jobs = annotate(list(jobs_of(asset)))
    if request.GET.get("format") == "json":
        return JsonResponse({"jobs": [job_as_dict(job) for job in jobs]})
    JobNotification.objects.filter(
        user=request.user, read_at__isnull=True, job__in=[job.pk for job in jobs]
    ).update(read_at=timezone.now())
    renditions = [r for job in jobs for r in job.renditions.all()]
    return TemplateResponse(
        request,
        "transcoding/asset_jobs.html",
        {
            "asset": asset,
            "jobs": jobs,
            "may_change": may_change(request.user, asset),
            "player": next(
                (r for r in renditions if r.mime_type.startswith(("video/", "audio/"))), None
            ),
            "images": [r for r in renditions if r.mime_type.startswith("image/")],
        },
    )


def _changeable_job(request, job_id: int) -> TranscodeJob:
    job = get_object_or_404(TranscodeJob, pk=job_id)
    asset = visible_asset(
        request.user, job.content_type.app_label, job.content_type.model, job.object_id
    )
    if not may_change(request.user, asset):
        raise PermissionDenied
    return job


def _back_to_asset(job: TranscodeJob):
    return redirect(
        "transcoding:asset_jobs", job.content_type.app_label, job.content_type.model, job.object_id
    )


@require_POST
def retry(request, job_id: int):
    job = _changeable_job(request, job_id)
    if retry_job(job):
        messages.success(request, _("“%(output)s” was queued again.") % _named(job))
    else:
        messages.warning(request, _("“%(output)s” is not failed or cancelled.") % _named(job))
    return _back_to_asset(job)


@require_POST
def cancel(request, job_id: int):
    job = _changeable_job(request, job_id)
    if cancel_job(job):
        messages.success(request, _("“%(output)s” was cancelled.") % _named(job))
    else:
        messages.warning(request, _("“%(output)s” has already ended.") % _named(job))
    return _back_to_asset(job)


@require_POST
def mark_notifications_read(request):
    JobNotification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
        back = "wagtailadmin_home"
    return redirect(back)


def _named(job: TranscodeJob) -> dict[str, str]:
    return {"output": job.get_output_display()}


def jobs_index(request):
    """The latest jobs of the assets the user may see, newest first."""
    jobs = []
    for model in transcoded_models():
        content_type = ContentType.objects.get_for_model(model)
        visible_ids = visible_to(model.objects.all(), request.user).values("pk")
        jobs += TranscodeJob.objects.filter(
            content_type=content_type, object_id__in=visible_ids
        ).order_by("-created_at")[:200]
    jobs.sort(key=lambda job: job.created_at, reverse=True)
    return TemplateResponse(request, "transcoding/jobs_index.html", {"jobs": annotate(jobs[:200])})
