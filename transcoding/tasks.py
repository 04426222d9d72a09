"""The tasks that run jobs: quick pictures on their own queue, ahead of the long encodes.

Both take a job id and nothing else; running a job twice is harmless (see `runner.claim`).
"""

from django_tasks import task

from .runner import run_job

PREVIEWS_QUEUE = "previews"
TRANSCODING_QUEUE = "transcoding"
# The database worker takes higher priorities first (set when enqueued, on backends that have
# priorities); RQ has none and takes queues in the order its worker is given them.
PREVIEW_PRIORITY = 50


@task(queue_name=PREVIEWS_QUEUE)
def run_preview_job(job_id: int) -> str | None:
    status = run_job(job_id)
    return status.value if status else None


@task(queue_name=TRANSCODING_QUEUE)
def run_transcode_job(job_id: int) -> str | None:
    status = run_job(job_id)
    return status.value if status else None
