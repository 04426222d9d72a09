"""Benchmark: 1 GB through our tus endpoint against a plain boto3 upload_file, same MinIO.

Starts the production profile's web server (bench/server.py: gunicorn with config/gunicorn.py,
production settings, a database of its own on the PostgreSQL named by DATABASE_URL) against the S3
server named by the AWS_* variables, uploads a 1 GB video with the tuspy client, and reads every
worker's peak resident memory (VmHWM, reset before each upload) against its idle resident memory.
The tus client announces the file's SHA-256 (metadata `sha256`,
computed inside the timed part), so the server opens its S3 multipart upload at the content key
and needs no copy inside S3; BENCH_UPLOAD_ANNOUNCE=0 measures a client that does not announce it.
Then uploads the same file with boto3's upload_file. Both ways run BENCH_UPLOAD_ROUNDS times (3),
alternating, and the best of each counts. The last line printed is one JSON object:
{"ours_mb_s", "boto3_mb_s", "ratio", "peak_rss_mb_above_idle"}. When the server fails, its run
folder (server.log) is kept and named.

    scripts/services.sh up pg s3 && eval "$(scripts/services.sh env)" && python -m bench.upload
"""

import concurrent.futures
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import boto3
import requests
from tusclient import client as tus_client
from tusclient.exceptions import TusCommunicationError

from bench.server import (
    ServerFailed,
    create_database,
    drop_database,
    free_port,
    manage,
    production_env,
    start_gunicorn,
    stop,
)

SIZE = int(os.environ.get("BENCH_UPLOAD_BYTES", 1024 * 1024 * 1024))
CHUNK = int(os.environ.get("BENCH_UPLOAD_CHUNK", 64 * 1024 * 1024))
MIB = 1024 * 1024
ROUNDS = int(os.environ.get("BENCH_UPLOAD_ROUNDS", 3))
ANNOUNCE = os.environ.get("BENCH_UPLOAD_ANNOUNCE", "1") == "1"
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


def worker_pids(master: int) -> list[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return [int(child) for child in children]
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def tus_upload(base: str, token: str, path: Path, chunk: int, announce: bool = False) -> dict:
    client = tus_client.TusClient(
        f"{base}/assets/uploads/", headers={"Authorization": f"Bearer {token}"}
    )
    metadata = {"filename": path.name, "title": path.stem}
    if announce:
        with path.open("rb") as handle:
            metadata["sha256"] = hashlib.file_digest(handle, "sha256").hexdigest()
    uploader = client.uploader(file_path=str(path), chunk_size=chunk, metadata=metadata)
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


def status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise KeyError(field)


def prepare(env: dict[str, str]) -> str:
    """Migrate the benchmark's database and make an editor; the editor's API token."""
    Path(env["NCRL_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--no-input", "-v0")
    return manage(env, "shell", "-c", SETUP_SCRIPT).strip().splitlines()[-1]


def check_tus(base: str) -> None:
    answer = requests.options(f"{base}/assets/uploads/", timeout=30, allow_redirects=False)
    if answer.status_code != 204:
        raise ServerFailed(f"OPTIONS /assets/uploads/ answered {answer.status_code}")


def plain_upload(path: Path, bucket: str) -> float:
    """Seconds boto3's upload_file takes to put the file in the same bucket."""
    s3 = s3_client()
    key = f"bench/{uuid.uuid4().hex}.mp4"
    started = time.perf_counter()
    s3.upload_file(str(path), bucket, key)
    seconds = time.perf_counter() - started
    s3.delete_object(Bucket=bucket, Key=key)
    return seconds


def measure(base: str, token: str, path: Path, bucket: str, pids: list[int]) -> dict:
    """Each way ROUNDS times, alternating (a busy moment hurts both alike); the best of each."""
    ours, plain, above_idle_kib = [], [], 0
    for round_number in range(ROUNDS):
        idle_kib = {}
        for pid in pids:
            Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM back to the current RSS
            idle_kib[pid] = status_kib(pid, "VmRSS")
        started = time.perf_counter()
        answer = tus_upload(base, token, path, CHUNK, announce=ANNOUNCE)
        ours.append(time.perf_counter() - started)
        peaks = [status_kib(pid, "VmHWM") - idle_kib[pid] for pid in pids]
        above_idle_kib = max(above_idle_kib, *peaks)
        if answer.get("status") != "complete":
            raise ServerFailed(f"upload failed: {answer}")
        plain.append(plain_upload(path, bucket))
        print(f"round {round_number + 1}: ours {ours[-1]:.1f} s (asset {answer['asset']}), "
              f"boto3 upload_file {plain[-1]:.1f} s", flush=True)  # fmt: skip
        # The next round sends the same bytes again: a new file, or it would be a duplicate.
        with path.open("r+b") as handle:
            handle.seek(-16, os.SEEK_END)
            handle.write(os.urandom(16))
    ours_mb_s, boto3_mb_s = SIZE / MIB / min(ours), SIZE / MIB / min(plain)
    return {
        "ours_mb_s": round(ours_mb_s, 1),
        "boto3_mb_s": round(boto3_mb_s, 1),
        "ratio": round(ours_mb_s / boto3_mb_s, 3),
        "peak_rss_mb_above_idle": round(above_idle_kib / 1024, 1),
    }


def main() -> int:
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    server_url = os.environ.get("DATABASE_URL", "")
    if not bucket or not server_url.startswith("postgres"):
        print("run scripts/services.sh up pg s3 and eval its env: S3 and PostgreSQL are needed")
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="ncrl-bench-upload-"))
    database_url = create_database(server_url, "bench_upload")
    port = free_port()
    # Every object of this run under one prefix, removed at the end; no Redis or Elasticsearch.
    env = production_env(
        workdir, database_url, port, AWS_LOCATION=f"bench-upload/{uuid.uuid4().hex[:8]}"
    )
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    server = None
    try:
        token = prepare(env)
        server = start_gunicorn(env, workdir / "server.log")
        check_tus(server.url)
        pids = worker_pids(server.pid)
        warm_up(server.url, token, workdir, len(pids))
        path = workdir / "bench-video.mp4"
        print(f"writing a {SIZE / MIB:.0f} MiB video ...", flush=True)
        padded_mp4(path, SIZE)
        figures = measure(server.url, token, path, bucket, pids)
    except (ServerFailed, TusCommunicationError) as error:  # the server answered an error
        print(f"{error}\n(the run folder is kept: {workdir})")
        return 1
    finally:
        if server is not None:
            stop(server)
        drop_database(database_url)
        remove_prefix(s3_client(), bucket, env["AWS_LOCATION"])
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"{len(pids)} gunicorn workers; best of {ROUNDS} rounds each way")
    print(json.dumps(figures))
    return 0 if figures["peak_rss_mb_above_idle"] < 200 else 1


if __name__ == "__main__":
    sys.exit(main())
