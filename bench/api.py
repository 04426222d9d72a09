# ruff: noqa: E501  (the scripts run in the server's shell read better unbroken)
"""Benchmark: our API v3 against Wagtail's stock API v2 images endpoint, same server, same run.

Starts the production profile's web server (gunicorn with config/gunicorn.py, production settings,
a database of its own on the PostgreSQL named by DATABASE_URL, Redis as the cache), loads 10,000
published images (agency, licence, two topics each), and runs wrk with 32 connections against
each API in turn: every connection alternates between one list page (50 items; ours with its
image renditions, licence, credit line and the rest) and one detail. Then counts the SQL queries
of our list page at 10, 50 and 100 items. The last line printed is one JSON object:
{"ours_rps", "stock_rps", "ratio", "ours_p95_ms", "stock_p95_ms", "queries_per_page"}.

    scripts/services.sh up pg redis && eval "$(scripts/services.sh env)" && python -m bench.api
"""

import json
import os
import subprocess
import tempfile
import uuid
from pathlib import Path

import requests

from bench.server import (
    create_database,
    drop_database,
    free_port,
    manage,
    production_env,
    start_gunicorn,
    stop,
)

ASSETS = int(os.environ.get("BENCH_API_ASSETS", 10_000))
SECONDS = int(os.environ.get("BENCH_API_SECONDS", 15))
CONNECTIONS = 32
LOAD_SCRIPT = """
import hashlib
from django.utils import timezone
from wagtail.models import Collection
from assets.models import ImageAsset
from cms.agencies.models import Agency
from cms.taxonomy.models import Licence, Topic

agencies = [Agency.objects.create(name=f"Cơ quan {n}", code=f"co-quan-{n}", kind="ministry")
            for n in range(5)]
licence = Licence.objects.create(code="CC-BY-4.0", name_vi="Ghi công 4.0", allows_commercial_use=True)
topics = [Topic.objects.create(slug=f"chu-de-{n}", name_vi=f"Chủ đề {n}") for n in range(6)]
now = timezone.now()
rows = []
for n in range({count}):
    agency = agencies[n % 5]
    sha = hashlib.sha256(str(n).encode()).hexdigest()
    rows.append(ImageAsset(
        title=f"Infographic chuyển đổi số số {n}", description="Mô tả " * 20,
        file=f"originals/{sha[:2]}/{sha[2:4]}/{sha}.png", width=1600, height=900,
        file_size=200_000, byte_size=200_000, content_sha256=sha, collection_id=agency.collection_id,
        agency=agency, licence=licence, creator="Phóng viên", is_published=True,
        original_filename=f"Ảnh {n}.png", kind="infographic",
    ))
ImageAsset.objects.bulk_create(rows, batch_size=2000)
through = ImageAsset.topics.through
links = [through(imageasset_id=pk, topic_id=topics[i % 6].pk)
         for i, pk in enumerate(ImageAsset.objects.values_list("pk", flat=True))]
links += [through(imageasset_id=pk, topic_id=topics[(i + 1) % 6].pk)
          for i, pk in enumerate(ImageAsset.objects.values_list("pk", flat=True))]
through.objects.bulk_create(links, batch_size=5000)
print(ImageAsset.objects.order_by("-created_at", "-pk").values_list("pk", flat=True)[17])
"""
QUERIES_SCRIPT = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_X_FORWARDED_PROTO="https")
counts = []
for size in (10, 50, 100):
    client.get("/api/v3/images/", {"limit": size})
    with CaptureQueriesContext(connection) as captured:
        answer = client.get("/api/v3/images/", {"limit": size})
    assert answer.status_code == 200, answer.content[:500]
    assert len(answer.json()["items"]) == size
    counts.append(len(captured))
print(max(counts), counts)
"""
WRK_SCRIPT = """
local paths = {"%s", "%s"}
local counter = 0
wrk.headers["X-Forwarded-Proto"] = "https"
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% 2) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%.3f, "p95_ms": %%.2f, "errors": %%d, "non2xx": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(95) / 1000, errors,
    summary.errors.status))
end
"""


def server_env(workdir: Path, database_url: str, port: int) -> dict[str, str]:
    tag = f"bench-api-{uuid.uuid4().hex[:8]}"
    return production_env(
        workdir, database_url, port,
        DJANGO_SETTINGS_MODULE="bench.api_settings",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",  # the query count uses Client
        DJANGO_LOG_LEVEL="WARNING",
        # The benchmark is the only client: no anonymous limit in the way.
        NCRL_API_ANONYMOUS_PER_MINUTE="100000000",
        CACHE_KEY_PREFIX=tag,
        AWS_LOCATION=tag.replace("-", "/", 2),
    )  # fmt: skip


def last_line(output: str) -> str:
    lines = output.strip().splitlines()
    return lines[-1] if lines else ""


def load(base: str, list_path: str, detail_path: str, workdir: Path) -> dict:
    for path in (list_path, detail_path):
        answer = requests.get(base + path, timeout=60)
        if answer.status_code != 200:
            raise RuntimeError(f"{path} answered {answer.status_code}: {answer.text[:300]}")
    script = workdir / f"wrk-{uuid.uuid4().hex[:6]}.lua"
    script.write_text(WRK_SCRIPT % (list_path, detail_path))
    run = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            base,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(line for line in run.stdout.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    if result["errors"] or result["non2xx"]:
        raise RuntimeError(f"errors under load: {result}")
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> None:
    database_url = create_database(os.environ["DATABASE_URL"], "bench_api")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-api-") as folder:
            workdir = Path(folder)
            env = server_env(workdir, database_url, free_port())
            Path(env["NCRL_DATA_DIR"]).mkdir(parents=True)
            manage(env, "migrate", "--no-input", "-v0")
            load_script = LOAD_SCRIPT.replace("{count}", str(ASSETS))
            detail_id = last_line(manage(env, "shell", "-c", load_script))
            queries = last_line(manage(env, "shell", "-c", QUERIES_SCRIPT))
            print(f"SQL queries of our list page at 10, 50, 100 items: {queries}")
            server = start_gunicorn(env, workdir / "gunicorn.log")
            try:
                base = server.url
                stock = load(
                    base, "/stock/v2/images/?limit=50", f"/stock/v2/images/{detail_id}/", workdir
                )
                ours = load(
                    base, "/api/v3/images/?limit=50", f"/api/v3/images/{detail_id}/", workdir
                )
            finally:
                stop(server)
            print(f"stock API v2 images: {stock}")
            print(f"ours (API v3 images): {ours}")
            print(
                json.dumps(
                    {
                        "ours_rps": round(ours["rps"], 1),
                        "stock_rps": round(stock["rps"], 1),
                        "ratio": round(ours["rps"] / stock["rps"], 3),
                        "ours_p95_ms": round(ours["p95_ms"], 1),
                        "stock_p95_ms": round(stock["p95_ms"], 1),
                        "queries_per_page": int(queries.split()[0]),
                    }
                )
            )
    finally:
        drop_database(database_url)


if __name__ == "__main__":
    main()
