"""Run one transcoding job: claim it, fetch the original, produce the outputs, store them.

A job is idempotent: outputs go to keys derived from the source's SHA-256 and the output kind,
old rendition rows are replaced, and a job that is done is never run again. A job whose worker
died keeps status "running" with a stale heartbeat; `recover_stale_jobs` hands it out again.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import shutil
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DatabaseError, connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from .enums import JobStatus
from .models import Rendition, TranscodeJob
from .outputs import PRODUCERS, ProducedFile
from .probe import ProbeError

logger = logging.getLogger(__name__)
RENDITIONS_PREFIX = "renditions"  # assets.serving knows it too


def setting(name: str, default):
    return getattr(settings, "TRANSCODING", {}).get(name, default)


class PermanentError(Exception):
    """Trying again cannot help (the original is unreadable, or no producer exists)."""


def claim(job_id: int) -> TranscodeJob | None:
    """Mark the job running if it is waiting, failed, or running with a dead worker."""
    now = timezone.now()
    stale = now - dt.timedelta(seconds=setting("STALE_SECONDS", 120))
    claimable = Q(status__in=[JobStatus.PENDING, JobStatus.FAILED]) | Q(
        status=JobStatus.RUNNING, heartbeat_at__lt=stale
    )
    updated = TranscodeJob.objects.filter(claimable, pk=job_id).update(
        status=JobStatus.RUNNING,
        attempts=F("attempts") + 1,
        started_at=now,
        heartbeat_at=now,
        progress=0,
        error="",
    )
    return TranscodeJob.objects.get(pk=job_id) if updated else None


def run_job(job_id: int) -> JobStatus | None:
    job = claim(job_id)
    if job is None:
        return None
    asset = job.asset
    if asset is None:
        job.delete()
        return None
    try:
        with tempfile.TemporaryDirectory(prefix="ncrl-transcode-") as workdir:
            produced = _produce(job, asset, Path(workdir))
            _store(job, Path(workdir) / "out", produced)
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the job
        logger.exception("Transcoding job %s failed", job.pk)
        _fail(job, error)
        return JobStatus.FAILED
    TranscodeJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, progress=100, finished_at=timezone.now(), error=""
    )
    return JobStatus.DONE


def _produce(job: TranscodeJob, asset, workdir: Path) -> list[ProducedFile]:
    producer = PRODUCERS.get(job.output)
    if producer is None:
        raise PermanentError(f"No producer for {job.output}")
    source = workdir / f"source{Path(asset.file.name).suffix}"
    with asset.file.open("rb") as original, source.open("wb") as copy:
        shutil.copyfileobj(original, copy, 1024 * 1024)
    out_dir = workdir / "out"
    out_dir.mkdir()
    return producer(source, out_dir, _progress_reporter(job.pk), setting("TIMEOUT_SECONDS", 3600))


def _progress_reporter(job_id: int):
    """Record progress and a heartbeat at most once a second.

    ffmpeg's output is read on another thread, which writes through its own connection. Progress
    is best effort: if the database refuses (SQLite locked by an open transaction), reporting
    stops rather than stall the thread that drains ffmpeg's output.
    """
    state = {"last": 0.0, "enabled": True}

    def report(percent: float) -> None:
        now = time.monotonic()
        if not state["enabled"] or (now - state["last"] < 1 and percent < 100):
            return
        state["last"] = now
        try:
            TranscodeJob.objects.filter(pk=job_id).update(
                progress=round(min(percent, 99.9), 1), heartbeat_at=timezone.now()
            )
        except DatabaseError:
            logger.warning("Progress of job %s cannot be recorded; the job goes on", job_id)
            state["enabled"] = False
        finally:
            if threading.current_thread() is not threading.main_thread():
                connections.close_all()

    return report


def output_prefix(job: TranscodeJob) -> str:
    return f"{RENDITIONS_PREFIX}/{job.source_sha256}/{job.output}"


def _store(job: TranscodeJob, out_dir: Path, produced: list[ProducedFile]) -> None:
    """Upload every file under deterministic keys, then replace the job's rendition rows."""
    prefix = output_prefix(job)
    for path in sorted(p for p in out_dir.rglob("*") if p.is_file()):
        _save_exactly(f"{prefix}/{path.relative_to(out_dir).as_posix()}", path)
    rows = [
        Rendition(
            job=job,
            name=item.name,
            file=f"{prefix}/{item.path.resolve().relative_to(out_dir.resolve()).as_posix()}",
            mime_type=item.mime_type or mimetypes.guess_type(item.path.name)[0] or "",
            width=item.width,
            height=item.height,
            duration=item.duration,
            bit_rate=item.bit_rate,
            size=item.path.stat().st_size,
        )
        for item in produced
    ]
    with transaction.atomic():
        job.renditions.all().delete()
        Rendition.objects.bulk_create(rows)


def _save_exactly(key: str, path: Path) -> None:
    if default_storage.exists(key):
        default_storage.delete(key)
    with path.open("rb") as handle:
        saved = default_storage.save(key, File(handle, name=path.name))
    if saved != key:
        raise RuntimeError(f"Storage saved {key} as {saved}")


def _fail(job: TranscodeJob, error: Exception) -> None:
    message = str(error).strip() or error.__class__.__name__
    TranscodeJob.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED, error=message[:4000], finished_at=timezone.now()
    )
    job.refresh_from_db()
    permanent = isinstance(error, PermanentError | ProbeError)
    if not permanent and job.attempts < setting("MAX_ATTEMPTS", 3):
        from .scheduling import enqueue_job

        enqueue_job(job.pk, delay=setting("RETRY_BASE_SECONDS", 30) * 2 ** (job.attempts - 1))
