"""Eight resumable uploads at once against the real web server and worker, a worker killed.

Reported (issue 12): 26 uploads one after another while the worker transcoded and indexed lost
19% to "database is locked" on the embedded profile. Here 8 clients upload mixed images, videos
and PDFs at once (the videos start transcoding while the others arrive), the worker is killed
with SIGKILL in the middle and started again, three rounds in a row. Every upload must become
exactly one asset holding its bytes, and every transcoding job must finish. The embedded profile
runs runserver and the database queue (`make run`); the production profile gunicorn and RQ.
"""

import os
import subprocess
import sys
import threading

import pytest
from django.db.models import Q

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from tests import processes
from tests.storage.conftest import token_for
from transcoding.enums import JobStatus
from transcoding.models import TranscodeJob

from .uploads import lost, make_samples, upload_all

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
ROUNDS = 3
UPLOADS = 8
PRODUCTION = bool(os.environ.get("REDIS_URL"))
STALE_SECONDS = 3


def _assets_with(sha256s: set[str]):
    return [
        asset
        for model in (ImageAsset, DocumentAsset, MediaAsset)
        for asset in model.objects.filter(content_sha256__in=sha256s)
    ]


def _unfinished_jobs(assets) -> list[TranscodeJob]:
    owned = Q()
    for asset in assets:
        owned |= Q(content_type__model=asset._meta.model_name, object_id=asset.pk)
    return list(TranscodeJob.objects.filter(owned).exclude(status=JobStatus.DONE))


def _recover_stale_jobs(env) -> None:
    """What the scheduler does every minute: queue again the jobs of a dead worker."""
    command = ["recover_transcoding_jobs", f"--stale-seconds={STALE_SECONDS}"]
    subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=processes.ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


def _any_job_running() -> bool:
    return TranscodeJob.objects.filter(status=JobStatus.RUNNING).exists()


def _send(endpoint: str, token: str, samples, outcomes: list) -> None:
    outcomes.extend(upload_all(endpoint, token, samples))


def test_concurrent_uploads_survive_a_killed_worker(tmp_path, editor_a):
    env = processes.child_environment(NCRL_TRANSCODE_STALE_SECONDS=str(STALE_SECONDS))
    token = token_for(editor_a)
    web = processes.start_web(tmp_path, env, server="gunicorn" if PRODUCTION else "runserver")
    worker = processes.start_worker(tmp_path, env, name="worker-1")
    everything = [web, worker]
    try:
        for round_number in range(1, ROUNDS + 1):
            samples = make_samples(tmp_path / f"round-{round_number}", UPLOADS, seed=round_number)
            outcomes: list = []
            sending = threading.Thread(
                target=_send, args=(f"{web.url}/assets/uploads/", token, samples, outcomes)
            )
            sending.start()
            processes.wait_until(_any_job_running, 120, "a transcoding job to start", *everything)
            worker.kill()  # a crash in the middle: SIGKILL to the worker and its ffmpeg
            worker = processes.start_worker(tmp_path, env, name=f"worker-{round_number + 1}")
            everything.append(worker)
            sending.join(timeout=300)
            assert not sending.is_alive(), "uploads hung"
            assert not lost(outcomes), [
                (o.sample.path.name, o.error, o.answer) for o in lost(outcomes)
            ]
            sha256s = {sample.sha256 for sample in samples}
            assets = _assets_with(sha256s)
            assert sorted(a.content_sha256 for a in assets) == sorted(sha256s)  # one each
            processes.wait_until(
                lambda a=assets: not _unfinished_jobs(a) or _recover_stale_jobs(env),
                240,
                f"every transcoding job of round {round_number} to finish",
                *everything,
            )
        web_log = web.output()
        assert "database is locked" not in web_log, web.tail()
        assert " 500 " not in web_log and "Internal Server Error" not in web_log, web.tail()
        for process in everything:
            assert not processes.crash_lines(process.output()), process.tail()
    finally:
        for process in everything:
            process.stop()
