"""Transcoding jobs end to end: produced, checked with ffprobe, failing cleanly, surviving a
worker that is killed mid-job (a real worker process on the profile's real queue)."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection

from transcoding.enums import JobStatus, OutputKind
from transcoding.models import TranscodeJob
from transcoding.runner import run_job
from transcoding.scheduling import recover_stale_jobs, schedule_asset

from ..factories import AgencyFactory, _asset

ROOT = Path(__file__).resolve().parents[2]


def make_clip(seconds: int, size: str = "320x180") -> bytes:
    with tempfile.TemporaryDirectory() as workdir:
        path = Path(workdir) / "clip.mp4"
        subprocess.run(
            [
                "ffmpeg",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"testsrc2=size={size}:rate=25:duration={seconds}",
                "-f",
                "lavfi",
                "-i",
                f"anoisesrc=d={seconds}:a=0.1",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                str(path),
            ],
            check=True,
        )
        return path.read_bytes()


def ffprobe(path_or_url: str) -> dict:
    result = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_streams",
            "-show_format",
            path_or_url,
        ],
        capture_output=True,
        check=True,
    )
    return json.loads(result.stdout)


def local_copy(key: str, workdir: Path) -> Path:
    target = workdir / key
    target.parent.mkdir(parents=True, exist_ok=True)
    with default_storage.open(key, "rb") as source:
        target.write_bytes(source.read())
    return target


def damage_stored_file(name: str, data: bytes) -> None:
    """Overwrite stored bytes behind the storage's back (it never rewrites an original)."""
    from assets.storage.links import is_remote, s3_client

    if is_remote(default_storage):
        s3_client(default_storage).put_object(
            Bucket=default_storage.bucket_name, Key=default_storage.object_key(name), Body=data
        )
    else:
        Path(default_storage.path(name)).write_bytes(data)


def ladder_job(asset) -> TranscodeJob:
    return TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.VIDEO_LADDER)


@pytest.mark.django_db
def test_video_job_produces_playable_renditions(tmp_path):
    from assets.models import MediaAsset

    agency = AgencyFactory(code="dai-truyen-hinh", kind="press")
    asset = _asset(MediaAsset, agency, make_clip(3), "clip.mp4", published=True, title="Clip")
    schedule_asset(asset)
    assert run_job(ladder_job(asset).pk) == JobStatus.DONE
    job = ladder_job(asset)
    names = {r.name for r in job.renditions.all()}
    assert "hls" in names and any(name.endswith("p") for name in names)
    mp4 = next(r for r in job.renditions.all() if r.mime_type == "video/mp4")
    facts = ffprobe(str(local_copy(mp4.file.name, tmp_path)))
    assert {s["codec_name"] for s in facts["streams"]} == {"h264", "aac"}
    assert abs(float(facts["format"]["duration"]) - 3) < 0.1


@pytest.mark.django_db
def test_corrupt_original_fails_with_a_clear_message_and_keeps_the_asset():
    from assets.models import MediaAsset

    agency = AgencyFactory(code="so-hong", kind="department")
    asset = _asset(MediaAsset, agency, make_clip(1), "clip.mp4", published=True, title="Hỏng")
    schedule_asset(asset)
    # The stored original is damaged after upload (a storage fault): the job must say so.
    damage_stored_file(asset.file.name, b"\x00garbage" * 100)
    assert run_job(ladder_job(asset).pk) == JobStatus.FAILED
    job = ladder_job(asset)
    assert job.status == JobStatus.FAILED and "could not be read" in job.error
    assert job.attempts == 1  # an unreadable original is not worth retrying
    assert MediaAsset.objects.filter(pk=asset.pk).exists()
    assert not job.renditions.exists()


def worker_command() -> list[str]:
    manage = [sys.executable, str(ROOT / "manage.py")]
    if os.environ.get("REDIS_URL"):
        return manage + ["rqworker", "transcoding", "--job-class", "django_tasks_rq.Job"]
    return manage + [
        "db_worker",
        "--backend",
        "queue",
        "--queue-name",
        "transcoding",
        "--interval",
        "0.2",
        "--no-startup-delay",
    ]


def start_worker(tmp_path: Path) -> subprocess.Popen:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        database_url = f"sqlite:///{db['NAME']}"
    else:
        database_url = (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "NCRL_TRANSCODE_TASK_BACKEND": "queue",
        "NCRL_TRANSCODE_STALE_SECONDS": "2",
    }
    log = (tmp_path / "worker.log").open("ab")
    return subprocess.Popen(
        worker_command(), cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
    )


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants (RQ runs each job in a work horse in its own session)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending += children.get(pid, [])
    return tree


def kill_worker(worker: subprocess.Popen) -> None:
    for pid in process_tree(worker.pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue
    worker.wait()


def wait_for(condition, timeout: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n{tail}")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_job_survives_a_killed_worker_without_duplicate_outputs(tmp_path, settings):
    from assets.models import MediaAsset

    settings.TRANSCODING = {**settings.TRANSCODING, "TASK_BACKEND": "queue", "STALE_SECONDS": 2}
    agency = AgencyFactory(code="bao-thu", kind="press")
    asset = _asset(
        MediaAsset, agency, make_clip(40, "1280x720"), "dai.mp4", published=True, title="Video dài"
    )
    schedule_asset(asset)  # on commit: enqueued on the real queue
    connection.close()
    worker = start_worker(tmp_path)
    try:
        job = wait_for(
            lambda: TranscodeJob.objects.filter(
                pk=ladder_job(asset).pk, status=JobStatus.RUNNING, progress__gte=10
            ).first(),
            120,
            "the job to be under way",
            tmp_path / "worker.log",
        )
        kill_worker(worker)  # the worker, its work horse and ffmpeg die mid-job
        assert ladder_job(asset).status == JobStatus.RUNNING
        worker = start_worker(tmp_path)
        time.sleep(2.5)  # the heartbeat goes stale
        assert job.pk in recover_stale_jobs(stale_seconds=2)
        done = wait_for(
            lambda: TranscodeJob.objects.filter(pk=job.pk, status=JobStatus.DONE).first(),
            240,
            "the job to finish after the restart",
            tmp_path / "worker.log",
        )
    finally:
        kill_worker(worker)
    assert done.attempts == 2
    names = [r.name for r in done.renditions.all()]
    assert len(names) == len(set(names))
    prefix = done.renditions.get(name="hls").file.name.rsplit("/hls/", 1)[0]
    _folders, mp4s = default_storage.listdir(prefix)
    assert sorted(m for m in mp4s if m.endswith(".mp4")) == sorted(
        f"{n}.mp4" for n in names if n != "hls"
    )
