"""The periodic scheduler: due runs enqueued once, whatever the number of schedulers; a run
waiting in the queue is not piled up; a retry is never dropped, even on a backend that cannot
defer a task (the immediate backend of these tests)."""

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from assets.storage.links import is_remote, s3_client
from config.periodic import register, registry
from config.periodic.models import PeriodicRun
from config.periodic.scheduler import tick
from tests.factories import editor_of, media_asset
from tests.jobs.periodic import only
from tests.processes import start_scheduler, stop, stopped_line, wait_for
from transcoding.enums import JobStatus, NotificationKind, OutputKind
from transcoding.models import JobNotification, TranscodeJob
from transcoding.runner import run_job

RUNS: list[str] = []


@task()
def note_run() -> str:
    RUNS.append("ran")
    return "ran"


@pytest.fixture
def noted(monkeypatch, settings):
    """A periodic task of the test's own, every 60 s, the library's own turned off."""
    settings.PERIODIC_TASKS = only()
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    register("tests.note", note_run, every=60)
    RUNS.clear()
    return RUNS


@pytest.mark.django_db
def test_a_due_run_is_enqueued_once_per_interval(noted, settings):
    start_at = timezone.now()
    assert tick(start_at) == ["tests.note"]
    assert tick(start_at + dt.timedelta(seconds=30)) == []
    assert tick(start_at + dt.timedelta(seconds=61)) == ["tests.note"]
    assert noted == ["ran", "ran"]
    settings.PERIODIC_TASKS = {**only(), "tests.note": 10}  # shortened: due at once
    assert tick(start_at + dt.timedelta(seconds=62)) == ["tests.note"]
    settings.PERIODIC_TASKS = {**only(), "tests.note": 0}  # turned off
    assert tick(start_at + dt.timedelta(days=1)) == []
    assert PeriodicRun.objects.get(name="tests.note").runs == 3


@pytest.mark.django_db
def test_a_run_still_waiting_in_the_queue_is_not_piled_up(noted, settings):
    settings.PERIODIC_TASK_BACKEND = "queue"  # the profile's real queue, and no worker
    start_at = timezone.now()
    assert tick(start_at) == ["tests.note"]
    assert tick(start_at + dt.timedelta(seconds=61)) == []
    run = PeriodicRun.objects.get(name="tests.note")
    assert (run.runs, run.skipped) == (1, 1)
    assert noted == []  # nothing ran: it waits for a worker


@pytest.mark.django_db
def test_a_queue_out_of_reach_skips_the_run_and_the_scheduler_lives_on(noted, settings):
    # The broker's refusal is raised here; tests/operations/test_outage.py stops a real Redis.
    settings.PERIODIC_TASK_BACKEND = "queue"
    start_at = timezone.now()
    assert tick(start_at) == ["tests.note"]
    backend = registry.registered()[0].queued_task.get_backend()

    def refused(_backend, _task_id):
        raise ConnectionError("Error 111 connecting to 127.0.0.1. Connection refused.")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(type(backend), "get_result", refused)
        assert tick(start_at + dt.timedelta(seconds=61)) == []
    assert PeriodicRun.objects.get(name="tests.note").skipped == 1


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_processes_enqueue_each_run_once_and_stop_cleanly(tmp_path):
    every = only(transcoding__recover_jobs=1)
    log = tmp_path / "schedulers.log"
    began = time.monotonic()
    schedulers = [
        start_scheduler(log, 0.1, NCRL_PERIODIC_TASKS=json.dumps(every)) for _ in range(2)
    ]
    wait_for(lambda: log.read_text().count("transcoding.recover_jobs:") == 2, 60, "both", log)
    time.sleep(4)
    statuses = [stop(scheduler) for scheduler in schedulers]
    elapsed = time.monotonic() - began
    assert statuses == [0, 0], log.read_text(errors="replace")
    assert log.read_text().count(stopped_line()) == 2
    runs = PeriodicRun.objects.get(name="transcoding.recover_jobs").runs
    # One run per second at most (Django starts in a few seconds here); two racing schedulers
    # that both enqueued would reach about twice that.
    assert 1 <= runs <= elapsed + 1, (runs, elapsed)


def hide_original(asset) -> bytes:
    """Take the stored original away behind the storage's back (it never deletes a referenced
    original), as an unreachable disk or bucket would."""
    storage, name = asset.file.storage, asset.file.name
    with storage.open(name, "rb") as stored:
        content = stored.read()
    if is_remote(storage):
        s3_client(storage).delete_object(Bucket=storage.bucket_name, Key=storage.object_key(name))
    else:
        Path(storage.path(name)).unlink()
    assert not storage.exists(name)
    return content


def put_back(asset, content: bytes) -> None:
    assert asset.file.storage.save(asset.file.name, ContentFile(content)) == asset.file.name


@pytest.mark.django_db
def test_a_failed_job_is_retried_by_the_scheduler_on_the_immediate_backend(agency_a, settings):
    settings.PERIODIC_TASKS = only(transcoding__recover_jobs=60)
    settings.TRANSCODING = {**settings.TRANSCODING, "RETRY_BASE_SECONDS": 0}
    asset = media_asset(agency_a, title="Mất kết nối")
    poster = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.POSTER)
    content = hide_original(asset)  # the storage is unreachable for a moment
    assert run_job(poster.pk) == JobStatus.FAILED
    poster.refresh_from_db()
    assert poster.retry_at is not None and poster.attempts == 1
    put_back(asset, content)
    assert "transcoding.recover_jobs" in tick()
    poster.refresh_from_db()
    assert (poster.status, poster.attempts) == (JobStatus.DONE, 2)
    assert poster.renditions.filter(name="poster").exists()


@pytest.mark.django_db
def test_a_job_that_keeps_failing_stops_after_its_attempts_and_tells_the_uploader(
    agency_a, settings
):
    settings.PERIODIC_TASKS = only(transcoding__recover_jobs=60)
    settings.TRANSCODING = {**settings.TRANSCODING, "RETRY_BASE_SECONDS": 0, "MAX_ATTEMPTS": 3}
    uploader = editor_of(agency_a)
    asset = media_asset(agency_a, title="Mất hẳn", user=uploader)
    poster = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.POSTER)
    hide_original(asset)
    run_job(poster.pk)
    now = timezone.now()
    for minutes in (1, 2, 3):
        tick(now + dt.timedelta(minutes=minutes))
    poster.refresh_from_db()
    assert (poster.status, poster.attempts, poster.retry_at) == (JobStatus.FAILED, 3, None)
    note = JobNotification.objects.get(job=poster)
    assert (note.user, note.kind) == (uploader, NotificationKind.FAILED)
