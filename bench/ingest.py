"""Benchmark: 40 mixed resumable uploads, 8 at a time, on the embedded profile of `make run`.

In a temporary data folder: SQLite, local media, the database queue. The web server, the workers
and the scheduler are started with the commands of Procfile.embedded, as `make run` starts them, so
the workers transcode and index while the uploads arrive. The clients are tuspy, sending noise
PNG images, short MP4 clips and PDFs, each with bytes of its own, in 64 KiB chunks. Time to asset
is from the upload's first request to the answer that names its asset (the asset row exists).
Prints per kind, then one JSON line: {"uploads", "completed", "failed", "p95_s", ...}.

    make bench-ingest        (or: .venv/bin/python -m bench.ingest)
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests import processes
from tests.reliability.uploads import lost, make_samples, p95, upload_all

UPLOADS = int(os.environ.get("BENCH_INGEST_UPLOADS", 40))
CONCURRENCY = int(os.environ.get("BENCH_INGEST_CONCURRENCY", 8))
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "AWS_STORAGE_BUCKET_NAME")
SETUP_SCRIPT = """
from django.contrib.auth import get_user_model
from wagtail.models import APIToken
from cms.agencies.models import Agency
agency = Agency.objects.create(name="Cơ quan đo hiệu năng", code="bench", kind="ministry")
user = get_user_model().objects.create_user("bench-editor", password="bench-password-1")
user.groups.add(agency.editors)
print(APIToken.create_token(user=user, name="bench")[1])
"""
JOBS_SCRIPT = """
from transcoding.models import TranscodeJob
print(TranscodeJob.objects.count(), TranscodeJob.objects.filter(status="done").count())
"""


def embedded_environment(data_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SERVICE_VARIABLES and not key.startswith("AWS_")
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_DEBUG": "0",
        "NCRL_DATA_DIR": str(data_dir),
        "PYTHONUNBUFFERED": "1",
    }


def manage(env: dict[str, str], *args: str) -> str:
    run = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=processes.ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return run.stdout.strip()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ncrl-bench-ingest-") as folder:
        data_dir = Path(folder)
        env = embedded_environment(data_dir / "data")
        print("Preparing an embedded library in", data_dir, flush=True)
        manage(env, "migrate", "--no-input", "-v0")
        token = manage(env, "shell", "-c", SETUP_SCRIPT).splitlines()[-1]
        samples = make_samples(data_dir / "samples", UPLOADS, seed=2026)
        web = processes.start_web(data_dir / "web.log", env=env)
        others = [
            processes.start_procfile(name, data_dir / f"{name}.log", env)
            for name in ("encoder", "worker", "scheduler")
        ]
        try:
            started = time.monotonic()
            outcomes = upload_all(f"{web.url}/assets/uploads/", token, samples, CONCURRENCY)
            elapsed = time.monotonic() - started
            total_jobs, done_jobs = map(
                int, manage(env, "shell", "-c", JOBS_SCRIPT).splitlines()[-1].split()
            )
        finally:
            for process in (web, *others):
                processes.stop(process)
        report(outcomes, elapsed, total_jobs, done_jobs)


def report(outcomes, elapsed: float, total_jobs: int, done_jobs: int) -> None:
    failed = lost(outcomes)
    completed = [o for o in outcomes if o not in failed]
    for kind in sorted({o.sample.kind for o in outcomes}):
        times = [o.seconds for o in completed if o.sample.kind == kind]
        print(f"{kind:9s} completed {len(times):3d}  p95 {p95(times):6.2f} s")
    for outcome in failed:
        print(f"FAILED {outcome.sample.path.name}: {outcome.error or outcome.answer}")
    print(
        f"{len(completed)}/{len(outcomes)} uploads became assets in {elapsed:.1f} s "
        f"({CONCURRENCY} at a time); transcoding jobs done meanwhile: {done_jobs}/{total_jobs}"
    )
    summary = {
        "uploads": len(outcomes),
        "completed": len(completed),
        "failed": len(failed),
        "p95_s": round(p95([o.seconds for o in completed]), 3),
        "concurrency": CONCURRENCY,
        "wall_s": round(elapsed, 1),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
