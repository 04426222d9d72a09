"""Hub benchmark: server-side render time of the home page, a library search with two filters and
asset pages, with 10,000 assets on the production profile (PostgreSQL, Elasticsearch, S3, Redis).

    scripts/services.sh up && eval "$(scripts/services.sh env)" && python -m bench.hub

The library gets a database, an index alias, an S3 prefix and a cache prefix of its own, all
removed at the end. A handful of real files go through the upload path once (checks, storage,
transcoding); the 10,000 assets share them, as copies in a real library share content keys.
Pages are rendered in-process by Django's test client with the anonymous page cache off, so what
is timed is the whole server side (URL routing, middleware, queries, search, templates), never a
cached page. Renditions are made by a warm-up pass first: a visitor never waits for those twice.
Each page kind is timed twice: with the hub's per-generation caches warm (facet labels and counts,
the home page's shelves: what every visitor gets between two changes of the library) and cold (a
new generation before each request: the first visitor after a change). The last line is one JSON
object: {"home_p95_ms", "search_p95_ms", "asset_p95_ms"} (warm) and the same keys with "_cold".
"""

import argparse
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.server import create_database, drop_database

ROOT = Path(__file__).resolve().parent.parent
RUN = uuid.uuid4().hex[:8]
SEARCHES = ["chuyen doi so", "đổi mới sáng tạo", "khoa hoc cong nghe", "so tay", "infographic"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def setup_django(database_url: str, workdir: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=f"bench-only-{uuid.uuid4().hex}",
        DJANGO_ALLOWED_HOSTS="testserver",
        WAGTAILADMIN_BASE_URL="https://testserver",
        DATABASE_URL=database_url,
        NCRL_DATA_DIR=workdir,
        ELASTICSEARCH_INDEX=f"bench-hub-{RUN}",
        ELASTICSEARCH_REPLICAS="0",
        AWS_LOCATION=f"bench-hub/{RUN}",
        CACHE_KEY_PREFIX=f"bench-hub-{RUN}",
        NCRL_PAGE_CACHE_SECONDS="0",  # time the rendering, not the page cache
        DJANGO_LOG_LEVEL="ERROR",
        NCRL_ACCESS_LOG_LEVEL="WARNING",  # an access line per timed request drowns the figures
    )
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--no-input", verbosity=0)
    # As a deployment does (scripts/prod.sh): production serves hashed static files from a manifest.
    call_command("collectstatic", "--no-input", verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page kind")
    args = parser.parse_args()
    needed = ("DATABASE_URL", "ELASTICSEARCH_URL", "AWS_STORAGE_BUCKET_NAME", "REDIS_URL")
    if not all(os.environ.get(name, "").strip() for name in needed):
        print("The production profile is needed: scripts/services.sh up; eval its env", flush=True)
        return 2
    # Stopped from outside (a terminal closed, a job killed): leave through the finally blocks,
    # so the database, index, objects and cache keys of the run go as after a failure.
    for stopping in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stopping, _leave)
    database_url = create_database(os.environ["DATABASE_URL"], "bench_hub")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-hub-") as workdir:
            setup_django(database_url, workdir)
            from bench.hub_library import build_library, remove_run_data

            try:
                started = time.perf_counter()
                urls = build_library(args.assets, Path(workdir))
                print(f"library of {args.assets} assets built in "
                      f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
                figures = measure(urls, args.requests)
            finally:
                remove_run_data()
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(database_url)
    print(json.dumps(figures))
    return 0


def _leave(number, _frame) -> None:
    raise SystemExit(128 + number)


def timed_get(client, url: str) -> float:
    begin = time.perf_counter()
    response = client.get(url, secure=True)
    elapsed = (time.perf_counter() - begin) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed


def measure(urls: dict[str, list[str]], count: int) -> dict:
    """p95 of each page kind twice: "warm", the hub's per-generation caches (facet labels and
    counts, the home page's shelves) holding what an earlier visitor made, as between two
    changes of the library; "cold", a new generation before every request, as for the first
    visitor after a change (everything read from the database and the search server again)."""
    from django.test import Client

    from cms.pages.freshness import new_generation

    client = Client()
    for url in (url for group in urls.values() for url in group):  # renditions, connections
        timed_get(client, url)
    figures = {}
    for name, group in urls.items():
        for state, before in (("", lambda: None), ("_cold", new_generation)):
            timings = []
            for number in range(count):
                before()
                timings.append(timed_get(client, group[number % len(group)]))
            p95 = round(percentile(timings, 0.95), 1)
            median = statistics.median(timings)
            print(f"{name}{state or '_warm'}: {len(timings)} renders over {len(group)} URLs, "
                  f"median {median:.1f} ms, p95 {p95} ms", flush=True)  # fmt: skip
            figures[f"{name}{state}_p95_ms"] = p95
    return figures


if __name__ == "__main__":
    random.seed(57)
    sys.exit(main())
