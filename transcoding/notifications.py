"""Telling the uploader, in the admin, that a long job finished or that a job failed for good.

The note waits on the dashboard and beside the Transcoding menu item until it is read; an
editor who uploaded a two-hour video does not have to keep the jobs page open.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .conf import job_setting
from .enums import JobStatus, NotificationKind
from .models import JobNotification, TranscodeJob


def notify_uploader(job_id: int) -> JobNotification | None:
    """A note for the asset's uploader when the job failed for good, or ended after a long run."""
    job = TranscodeJob.objects.filter(pk=job_id).first()
    if job is None or job.status not in (JobStatus.DONE, JobStatus.FAILED):
        return None
    if job.status == JobStatus.DONE and not _was_long(job):
        return None
    user_id = getattr(job.asset, "uploaded_by_user_id", None)
    if user_id is None:
        return None
    kind = NotificationKind.DONE if job.status == JobStatus.DONE else NotificationKind.FAILED
    return JobNotification.objects.create(user_id=user_id, job=job, kind=kind)


def _was_long(job: TranscodeJob) -> bool:
    if job.started_at is None or job.finished_at is None:
        return False
    ran = (job.finished_at - job.started_at).total_seconds()
    return ran >= job_setting("NOTIFY_AFTER_SECONDS")


def unread_for(user) -> QuerySet[JobNotification]:
    if not getattr(user, "is_authenticated", False):
        return JobNotification.objects.none()
    return (
        JobNotification.objects.filter(user=user, read_at__isnull=True)
        .select_related("job", "job__content_type")
        .order_by("-created_at")
    )
