"""Eight resumable uploads at once against the real web server and workers, a worker killed.

Reported (issue 12): 26 uploads one after another while the worker transcoded and indexed lost
19% to "database is locked" on the embedded profile. Here 8 clients upload mixed images, videos
and PDFs at once (the videos start transcoding while the others arrive), three rounds in a row;
in the second the workers are killed with SIGKILL in the middle of a job and started again.
Every upload must become exactly one asset holding its bytes, and every transcoding job must
finish, recovered by the scheduler as `make run` runs it. The embedded profile runs runserver
and the database queue (`make run`'s processes); the production profile gunicorn and RQ.
"""

import json
import os
import threading

import pytest
from django.db.models import Q

from assets.kinds import asset_models
from tests import processes
from tests.storage.conftest import token_for
from transcoding.enums import JobStatus
from transcoding.models import TranscodeJob

from .uploads import lost, make_samples, upload_all

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
ROUNDS = 3
UPLOADS = 8
PRODUCTION = bool(os.environ.get("REDIS_URL"))
KILLED_IN_ROUND = 2
WORKERS = ("encoder", "worker")  # Procfile.embedded: the transcoding queue, the other queues


def _assets_with(sha256s: set[str]):
    return [a for m in asset_models() for a in m.objects.filter(content_sha256__in=sha256s)]


def _unfinished_jobs(assets) -> list[TranscodeJob]:
    owned = Q(pk__in=[])
    for asset in assets:
        owned |= Q(content_type__model=asset._meta.model_name, object_id=asset.pk)
    return list(TranscodeJob.objects.filter(owned).exclude(status=JobStatus.DONE))


def _kill_mid_job_and_restart(workers, tmp_path, env):
    """A crash in the middle of a job: SIGKILL to the workers and their ffmpeg, then new ones."""
    processes.wait_for(
        lambda: TranscodeJob.objects.filter(status=JobStatus.RUNNING).exists(),
        120,
        "a transcoding job to start",
        tmp_path / "encoder.log",
    )
    for worker in workers:
        processes.kill_tree(worker)
    return [processes.start_procfile(n, tmp_path / f"{n}.log", env) for n in WORKERS]


def _send(endpoint: str, token: str, samples, outcomes: list) -> None:
    outcomes.extend(upload_all(endpoint, token, samples))


def test_concurrent_uploads_survive_a_killed_worker(tmp_path, editor_a):
    env = processes.deployment_env(
        NCRL_TRANSCODE_STALE_SECONDS="3",
        NCRL_PERIODIC_TASKS=json.dumps({"transcoding.recover_jobs": 2}),
    )
    token = token_for(editor_a)
    web = processes.start_web(tmp_path / "web.log", "gunicorn" if PRODUCTION else "runserver", env)
    scheduler = processes.start_procfile("scheduler", tmp_path / "scheduler.log", env)
    workers = [processes.start_procfile(n, tmp_path / f"{n}.log", env) for n in WORKERS]
    everything = [web, scheduler, *workers]
    logs = tmp_path / "encoder.log"
    try:
        for round_number in range(1, ROUNDS + 1):
            samples = make_samples(tmp_path / f"round-{round_number}", UPLOADS, seed=round_number)
            outcomes: list = []
            sending = threading.Thread(
                target=_send, args=(f"{web.url}/assets/uploads/", token, samples, outcomes)
            )
            sending.start()
            if round_number == KILLED_IN_ROUND:
                workers = _kill_mid_job_and_restart(workers, tmp_path, env)
                everything += workers
            sending.join(timeout=300)
            assert not sending.is_alive(), "uploads hung"
            failed = [(o.sample.path.name, o.error, o.answer) for o in lost(outcomes)]
            assert not failed, failed
            sha256s = {sample.sha256 for sample in samples}
            assets = _assets_with(sha256s)
            assert sorted(a.content_sha256 for a in assets) == sorted(sha256s)  # one each
            processes.wait_for(
                lambda a=assets: not _unfinished_jobs(a),
                240,
                f"every transcoding job of round {round_number} to finish",
                logs,
            )
        web_log = processes.output(web)
        assert "database is locked" not in web_log, web_log[-4000:]
        assert " 500 " not in web_log and "Internal Server Error" not in web_log, web_log[-4000:]
        for process in everything:
            assert not processes.crash_lines(processes.output(process)), process.log
    finally:
        for process in everything:
            if process.poll() is None:
                processes.kill_tree(process)
