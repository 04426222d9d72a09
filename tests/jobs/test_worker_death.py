"""A worker killed in the middle of a ladder job, on the profile's real queue (db_worker on the
embedded profile, rqworker with Redis on the production one): the scheduler process notices the
silent job and queues it again, the restarted worker finishes it, and nobody runs a command.
The poster was made first, so the editor had a picture all along."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from transcoding.enums import JobStatus, OutputKind
from transcoding.models import TranscodeJob

from ..factories import AgencyFactory, _asset
from ..processes import kill_tree, start_scheduler, start_worker, stop, stopped_line, wait_for
from .periodic import only

QUEUES = ["previews", "transcoding", "default"]
# The children's settings: a job silent for 2 s is abandoned; recovery runs every second and
# goes through the real queue like every other task.
CHILD_SETTINGS = {
    "NCRL_TRANSCODE_TASK_BACKEND": "queue",
    "NCRL_TRANSCODE_STALE_SECONDS": "2",
    "NCRL_PERIODIC_TASK_BACKEND": "queue",
    "NCRL_PERIODIC_TASKS": json.dumps(only(transcoding__recover_jobs=1)),
}


def clip(seconds: int, size: str) -> bytes:
    with tempfile.TemporaryDirectory() as workdir:
        path = Path(workdir) / "clip.mp4"
        subprocess.run(
            ["ffmpeg", "-y", "-loglevel", "error",
             "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}",
             "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:a=0.1",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
             "-shortest", str(path)],
            check=True,
        )  # fmt: skip
        return path.read_bytes()


def job(asset, output: str) -> TranscodeJob:
    return TranscodeJob.objects.get(object_id=asset.pk, output=output)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_s_ladder_job_is_retried_by_itself_with_the_poster_made(tmp_path, settings):
    from assets.models import MediaAsset

    settings.TRANSCODING = {**settings.TRANSCODING, "TASK_BACKEND": "queue", "STALE_SECONDS": 2}
    agency = AgencyFactory(code="bao-thu", kind="press")
    asset = _asset(
        MediaAsset, agency, clip(20, "960x540"), "dai.mp4", published=True, title="Video dài"
    )  # saved, committed: poster, sprite and ladder are on the real queue
    connection.close()
    log = tmp_path / "processes.log"
    scheduler = start_scheduler(log, 0.3, **CHILD_SETTINGS)
    worker = start_worker(QUEUES, log, **CHILD_SETTINGS)
    try:
        running = wait_for(
            lambda: TranscodeJob.objects.filter(
                pk=job(asset, OutputKind.VIDEO_LADDER).pk,
                status=JobStatus.RUNNING,
                progress__gte=10,
            ).first(),
            180,
            "the ladder to be under way",
            log,
        )
        poster = job(asset, OutputKind.POSTER)
        assert poster.status == JobStatus.DONE and poster.renditions.filter(name="poster")
        kill_tree(worker)  # the worker, its work horse and ffmpeg die mid-job
        assert job(asset, OutputKind.VIDEO_LADDER).status == JobStatus.RUNNING
        worker = start_worker(QUEUES, log, **CHILD_SETTINGS)  # as systemd would restart it
        done = wait_for(
            lambda: TranscodeJob.objects.filter(pk=running.pk, status=JobStatus.DONE).first(),
            240,
            "the ladder to finish after the worker died",
            log,
        )
    finally:
        kill_tree(worker)
        assert stop(scheduler) == 0
    assert done.attempts == 2
    assert "worker stopped" not in done.error  # the successful attempt cleared the note
    names = [r.name for r in done.renditions.all()]
    assert len(names) == len(set(names)) and "hls" in names
    prefix = done.renditions.get(name="hls").file.name.rsplit("/hls/", 1)[0]
    _folders, files = default_storage.listdir(prefix)
    assert sorted(f for f in files if f.endswith(".mp4")) == sorted(
        f"{n}.mp4" for n in names if n != "hls"
    )
    assert stopped_line() in log.read_text(errors="replace")  # SIGTERM: a clean exit
