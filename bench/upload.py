"""Benchmark: 1 GB through our tus endpoint against a plain boto3 upload_file, same MinIO.

Starts the production profile's web server (gunicorn with config/gunicorn.py, production
settings, a database of its own on the PostgreSQL named by DATABASE_URL) against the S3 server
named by the AWS_* variables, uploads a 1 GB video with the tuspy client, and reads every worker's
peak resident memory (VmHWM, reset after warm-up) against its idle resident memory. Then uploads the
same file with boto3's upload_file. The last line printed is one JSON object:
{"ours_mb_s", "boto3_mb_s", "ratio", "peak_rss_mb_above_idle"}.

    scripts/services.sh up pg s3 && eval "$(scripts/services.sh env)" && python -m bench.upload
"""

import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import boto3
import requests
from tusclient import client as tus_client

from bench.production import (
    create_database,
    drop_database,
    free_port,
    manage,
    production_env,
    running_gunicorn,
)

SIZE = int(os.environ.get("BENCH_UPLOAD_BYTES", 1024 * 1024 * 1024))
CHUNK = int(os.environ.get("BENCH_UPLOAD_CHUNK", 64 * 1024 * 1024))
MIB = 1024 * 1024
SETUP_SCRIPT = """
from django.contrib.auth import get_user_model
from wagtail.models import APIToken
from cms.agencies.models import Agency
agency = Agency.objects.create(name="Bench agency", code="bench", kind="ministry")
user = get_user_model().objects.create_user("bench-editor", password="bench-password-1")
user.groups.add(agency.editors)
print(APIToken.create_token(user=user, name="bench")[1])
"""


def padded_mp4(path: Path, total_bytes: int) -> None:
    """A one-second MP4 made by ffmpeg, grown by a trailing 'free' box of random bytes."""
    clip = path.with_suffix(".clip.mp4")
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x240:rate=25:duration=1",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            str(clip),
        ],
        check=True,
    )
    padding = total_bytes - clip.stat().st_size
    with path.open("wb") as handle:
        handle.write(clip.read_bytes())
        handle.write(padding.to_bytes(4, "big") + b"free")
        remaining = padding - 8
        while remaining:
            piece = os.urandom(min(8 * MIB, remaining))
            handle.write(piece)
            remaining -= len(piece)
    clip.unlink()


def status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise KeyError(field)


def prepare_database(env: dict[str, str]) -> str:
    manage(env, "migrate", "--no-input", "-v0")
    return manage(env, "shell", "-c", SETUP_SCRIPT)


def server_env(workdir: Path, database_url: str, port: int) -> dict[str, str]:
    """The production web server on PostgreSQL and S3 only (no Redis, no Elasticsearch: the
    upload path needs neither), receiving uploads into the run's own spool folder."""
    env = production_env(
        workdir, database_url, run="bench-upload", port=port,
        NCRL_UPLOAD_SPOOL_DIR=str(workdir / "spool"),
    )  # fmt: skip
    env.pop("REDIS_URL", None)
    env.pop("ELASTICSEARCH_URL", None)
    return env


def worker_pids(master: int) -> list[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return [int(child) for child in children]
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def tus_upload(base: str, token: str, path: Path, chunk: int) -> dict:
    client = tus_client.TusClient(
        f"{base}/assets/uploads/", headers={"Authorization": f"Bearer {token}"}
    )
    uploader = client.uploader(
        file_path=str(path), chunk_size=chunk, metadata={"filename": path.name, "title": path.stem}
    )
    uploader.upload()
    headers = {"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"}
    return requests.get(uploader.url, headers=headers, timeout=30).json()


def warm_up(base: str, token: str, workdir: Path, workers: int) -> None:
    """Small uploads side by side until every worker has done one (imports, ffprobe, first S3
    connections), so that what the big upload adds is not start-up cost."""
    files = []
    for number in range(workers * 3):
        path = workdir / f"warm-up-{number}.mp4"
        padded_mp4(path, 12 * MIB + number)
        files.append(path)
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda path: tus_upload(base, token, path, 4 * MIB), files))


def s3_client():
    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL"),
        region_name=os.environ.get("AWS_S3_REGION_NAME"),
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY"),
    )


def remove_prefix(s3, bucket: str, prefix: str) -> None:
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=f"{prefix}/"):
        for item in page.get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=item["Key"])


def measure(server, token: str, workdir: Path, bucket: str) -> tuple | None:
    """(our seconds, boto3's seconds, the most a worker grew above idle in KiB, idle KiB per
    worker), or None when our upload failed."""
    base = server.url
    pids = worker_pids(server.pid)
    warm_up(base, token, workdir, len(pids))
    idle_kib = {}
    for pid in pids:
        Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM back to the current RSS
        idle_kib[pid] = status_kib(pid, "VmRSS")

    path = workdir / "bench-video.mp4"
    print(f"writing a {SIZE / MIB:.0f} MiB video ...", flush=True)
    padded_mp4(path, SIZE)
    started = time.perf_counter()
    answer = tus_upload(base, token, path, CHUNK)
    ours = time.perf_counter() - started
    above_idle_kib = max(status_kib(pid, "VmHWM") - idle_kib[pid] for pid in pids)
    if answer.get("status") != "complete":
        print(f"upload failed: {answer}")
        return None
    print(f"ours: {ours:.1f} s, asset {answer['asset']}, sha256 {answer['sha256']}")

    s3 = s3_client()
    key = f"bench/{uuid.uuid4().hex}.mp4"
    started = time.perf_counter()
    s3.upload_file(str(path), bucket, key)
    plain = time.perf_counter() - started
    s3.delete_object(Bucket=bucket, Key=key)
    print(f"boto3 upload_file: {plain:.1f} s")
    return ours, plain, above_idle_kib, idle_kib


def main() -> int:
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    server_url = os.environ.get("DATABASE_URL", "")
    if not bucket or not server_url.startswith("postgres"):
        print("run scripts/services.sh up pg s3 and eval its env: S3 and PostgreSQL are needed")
        return 2
    database_url = create_database(server_url, "bench_upload")
    with tempfile.TemporaryDirectory(prefix="ncrl-bench-upload-") as folder:
        workdir = Path(folder)
        env = server_env(workdir, database_url, free_port())
        try:
            token = prepare_database(env)
            with running_gunicorn(env, workdir / "server.log") as server:
                measured = measure(server, token, workdir, bucket)
        finally:
            drop_database(database_url)
            remove_prefix(s3_client(), bucket, env["AWS_LOCATION"])
    if measured is None:
        return 1
    ours, plain, above_idle_kib, idle_kib = measured
    ours_mb_s = SIZE / MIB / ours
    boto3_mb_s = SIZE / MIB / plain
    above_idle = above_idle_kib / 1024
    idle = " ".join(f"{kib / 1024:.0f}" for kib in idle_kib.values())
    print(f"{len(idle_kib)} gunicorn workers, idle MiB: {idle}; above idle: {above_idle:.0f} MiB")
    print(
        json.dumps(
            {
                "ours_mb_s": round(ours_mb_s, 1),
                "boto3_mb_s": round(boto3_mb_s, 1),
                "ratio": round(ours_mb_s / boto3_mb_s, 3),
                "peak_rss_mb_above_idle": round(above_idle, 1),
            }
        )
    )
    return 0 if above_idle < 200 else 1


if __name__ == "__main__":
    sys.exit(main())
