"""Run one transcoding job: claim it, fetch the original, produce the outputs, store them.

A job is idempotent: outputs go to keys derived from the source's SHA-256 and the output kind,
old rendition rows are replaced, and a job that is done is never run again. A job whose worker
died keeps status "running" with a stale heartbeat until `recovery` queues it again; a job that
failed for a reason worth another try gets a `retry_at`, and `recovery` queues it then (whatever
the task backend, so a retry is never lost).
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import os
import socket
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from assets.ffmpeg import FfmpegStopped, ProbeError, UnsafeInput, scaled_progress
from assets.validation import UploadRejected

from .conf import job_setting
from .enums import JobStatus
from .errors import JobStopped, PermanentError
from .models import Rendition, TranscodeJob
from .notifications import notify_uploader
from .outputs import PRODUCERS, ProducedFile, Work
from .pulse import Pulse

logger = logging.getLogger(__name__)
RENDITIONS_PREFIX = "renditions"  # assets.serving knows it too
_COPY_CHUNK = 1024 * 1024
# Shares of the job's progress: copying the original, producing, storing the outputs.
_PRODUCE_FROM, _PRODUCE_TO = 2.0, 95.0
_PERMANENT = (PermanentError, ProbeError, UploadRejected, UnsafeInput)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def stale_before(now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(seconds=job_setting("STALE_SECONDS"))


def heartbeat_interval() -> float:
    return max(0.2, min(5.0, job_setting("STALE_SECONDS") / 4))


def claim(job_id: int) -> TranscodeJob | None:
    """Mark the job running if it is waiting, or running with a dead worker."""
    now = timezone.now()
    claimable = Q(status=JobStatus.PENDING) | Q(
        status=JobStatus.RUNNING, heartbeat_at__lt=stale_before(now)
    )
    updated = TranscodeJob.objects.filter(claimable, pk=job_id).update(
        status=JobStatus.RUNNING,
        attempts=F("attempts") + 1,
        started_at=now,
        heartbeat_at=now,
        finished_at=None,
        retry_at=None,
        progress=0,
        error="",
        worker=worker_name(),
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
    pulse = Pulse(job.pk, job.attempts, heartbeat_interval())
    try:
        with tempfile.TemporaryDirectory(prefix="ncrl-transcode-") as workdir:
            produced = _produce(job, asset, Path(workdir), pulse)
            _store(job, Path(workdir) / "out", produced, pulse)
    except (JobStopped, FfmpegStopped):
        logger.info("Transcoding job %s stopped: cancelled or taken over", job.pk)
        return None
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the job
        logger.exception("Transcoding job %s failed", job.pk)
        return _fail(job, error)
    except BaseException:
        _give_back(job)  # the worker is stopping: the job waits for the next one
        raise
    return _finish(job)


def _produce(job: TranscodeJob, asset, workdir: Path, pulse: Pulse) -> list[ProducedFile]:
    producer = PRODUCERS.get(job.output)
    if producer is None:
        raise PermanentError(_("No producer for %(output)s") % {"output": job.output})
    source = workdir / f"source{Path(asset.file.name).suffix}"
    _copy_original(asset, source, pulse)
    out_dir = workdir / "out"
    out_dir.mkdir()
    work = Work(
        source=source,
        out_dir=out_dir,
        on_progress=scaled_progress(pulse.report, _PRODUCE_FROM, _PRODUCE_TO),
        should_stop=pulse.should_stop,
        timeout=job_setting("TIMEOUT_SECONDS"),
    )
    return producer(work)


def _copy_original(asset, target: Path, pulse: Pulse) -> None:
    size = max(getattr(asset, "byte_size", 0) or 0, 1)
    copied = 0
    with asset.file.open("rb") as original, target.open("wb") as copy:
        while chunk := original.read(_COPY_CHUNK):
            copy.write(chunk)
            copied += len(chunk)
            pulse.report(min(copied / size, 1.0) * _PRODUCE_FROM)
            if pulse.should_stop():
                raise JobStopped


def output_prefix(job: TranscodeJob) -> str:
    return f"{RENDITIONS_PREFIX}/{job.source_sha256}/{job.output}"


def _store(job: TranscodeJob, out_dir: Path, produced: list[ProducedFile], pulse: Pulse) -> None:
    """Upload every file under deterministic keys, then replace the job's rendition rows."""
    prefix = output_prefix(job)
    files = sorted(p for p in out_dir.rglob("*") if p.is_file())
    for number, path in enumerate(files, start=1):
        if pulse.should_stop():
            raise JobStopped
        _save_exactly(f"{prefix}/{path.relative_to(out_dir).as_posix()}", path)
        pulse.report(_PRODUCE_TO + (100 - _PRODUCE_TO) * number / len(files))
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
        if not _still_mine(job).select_for_update().exists():
            raise JobStopped
        job.renditions.all().delete()
        Rendition.objects.bulk_create(rows)


def _save_exactly(key: str, path: Path) -> None:
    if default_storage.exists(key):
        default_storage.delete(key)
    with path.open("rb") as handle:
        saved = default_storage.save(key, File(handle, name=path.name))
    if saved != key:
        raise RuntimeError(f"Storage saved {key} as {saved}")


def _still_mine(job: TranscodeJob):
    return TranscodeJob.objects.filter(pk=job.pk, status=JobStatus.RUNNING, attempts=job.attempts)


def _finish(job: TranscodeJob) -> JobStatus | None:
    finished = _still_mine(job).update(
        status=JobStatus.DONE, progress=100, finished_at=timezone.now(), error=""
    )
    if not finished:
        return None
    notify_uploader(job.pk)
    return JobStatus.DONE


def _give_back(job: TranscodeJob) -> None:
    """Return the job to the queue's care, this attempt not counted."""
    _still_mine(job).update(
        status=JobStatus.PENDING, attempts=F("attempts") - 1, progress=0, worker=""
    )


def _fail(job: TranscodeJob, error: Exception) -> JobStatus | None:
    message = (str(error).strip() or error.__class__.__name__)[:4000]
    retry_at = None
    if not isinstance(error, _PERMANENT) and job.attempts < job_setting("MAX_ATTEMPTS"):
        delay = job_setting("RETRY_BASE_SECONDS") * 2 ** (job.attempts - 1)
        retry_at = timezone.now() + dt.timedelta(seconds=delay)
    failed = _still_mine(job).update(
        status=JobStatus.FAILED, error=message, finished_at=timezone.now(), retry_at=retry_at
    )
    if failed and retry_at is None:
        notify_uploader(job.pk)
    return JobStatus.FAILED if failed else None
