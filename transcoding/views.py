"""Admin pages: an asset's jobs with live progress, its renditions with a player, probe facts."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from .access import may_change, visible_asset
from .models import TranscodeJob
from .scheduling import retry_job


def jobs_of(asset):
    content_type = ContentType.objects.get_for_model(asset)
    return (
        TranscodeJob.objects.filter(content_type=content_type, object_id=asset.pk)
        .prefetch_related("renditions")
        .order_by("output")
    )


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
    jobs = list(jobs_of(asset))
    if request.GET.get("format") == "json":
        return JsonResponse({"jobs": [job_as_dict(job) for job in jobs]})
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


@require_POST
def retry(request, job_id: int):
    job = get_object_or_404(TranscodeJob, pk=job_id)
    asset = visible_asset(
        request.user, job.content_type.app_label, job.content_type.model, job.object_id
    )
    if not may_change(request.user, asset):
        raise PermissionDenied
    retry_job(job)
    return redirect(
        "transcoding:asset_jobs", job.content_type.app_label, job.content_type.model, job.object_id
    )


def jobs_index(request):
    """The latest jobs of the assets the user may see, newest first."""
    from assets.models import DocumentAsset, MediaAsset
    from assets.visibility import visible_to

    jobs = []
    for model in (MediaAsset, DocumentAsset):
        content_type = ContentType.objects.get_for_model(model)
        visible_ids = visible_to(model.objects.all(), request.user).values("pk")
        jobs += TranscodeJob.objects.filter(content_type=content_type, object_id__in=visible_ids)[
            :200
        ]
    jobs.sort(key=lambda job: job.created_at, reverse=True)
    return TemplateResponse(request, "transcoding/jobs_index.html", {"jobs": jobs[:200]})
