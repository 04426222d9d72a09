from django_tasks import task

from .runner import run_job


@task(queue_name="transcoding")
def run_transcode_job(job_id: int) -> str | None:
    status = run_job(job_id)
    return status.value if status else None
