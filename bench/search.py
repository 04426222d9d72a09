"""Search benchmark: bulk-index generated Vietnamese documents into each backend, then time
full-text queries with two filters and facets.

    python bench/search.py [--docs 100000] [--queries 300]

Elasticsearch is measured when ELASTICSEARCH_URL is set (scripts/services.sh up es), into a
throwaway alias that is deleted afterwards; the database backend runs on a throwaway SQLite file in
a temporary folder. The last line is one JSON object.
"""

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(workdir: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
    os.environ["NCRL_DATA_DIR"] = workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    import django
    from django.core.management import call_command

    django.setup()
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    call_command("migrate", "library_search", verbosity=0)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(backend, docs: int, query_count: int) -> dict:
    from django.utils import timezone

    from bench.search_corpus import queries, records
    from search.backends.base import SearchQuery

    started = time.perf_counter()
    written = backend.rebuild(records(docs))
    docs_per_s = written / (time.perf_counter() - started)
    timings, totals = [], []
    for number, (text, filters) in enumerate(queries(query_count + 10)):
        request = SearchQuery(text=text, filters=filters, facets=True, now=timezone.now())
        begin = time.perf_counter()
        result = backend.search(request)
        if number >= 10:  # the first few warm caches up
            timings.append((time.perf_counter() - begin) * 1000)
            totals.append(result.total)
    figures = {
        "docs_per_s": round(docs_per_s, 1),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
    }
    print(
        f"{backend.name}: {written} docs in bulk, {figures['docs_per_s']} docs/s; "
        f"{len(timings)} queries (text + 2 filters + facets), median {statistics.median(totals)}"
        f" hits: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms",
        flush=True,
    )
    return figures


@contextmanager
def throwaway_elastic(name: str, timeout: float):
    """The Elasticsearch backend on an alias of its own, deleted afterwards; None when
    ELASTICSEARCH_URL is not set."""
    from search.backends.elastic import ElasticsearchBackend
    from search.backends.elastic_index import IndexSettings

    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        print("elasticsearch: ELASTICSEARCH_URL not set, skipped", flush=True)
        yield None
        return
    backend = ElasticsearchBackend(
        url, f"{name}-{os.getpid()}", settings=IndexSettings(replicas=0), timeout=timeout
    )
    try:
        yield backend
    finally:
        for index in backend.client.options(ignore_status=404).indices.get_alias(
            name=backend.alias
        ):
            backend.client.indices.delete(index=index)


def elastic_figures(docs: int, query_count: int) -> dict:
    with throwaway_elastic("ncrl-bench", timeout=120) as backend:
        if backend is None:
            return {"docs_per_s": None, "p50_ms": None, "p95_ms": None}
        return measure(backend, docs, query_count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ncrl-bench-search-") as workdir:
        setup_django(workdir)
        from search.backends.database import DatabaseBackend

        es = elastic_figures(args.docs, args.queries)
        db = measure(DatabaseBackend(), args.docs, args.queries)
    summary = {f"es_{name}": value for name, value in es.items()}
    summary |= {f"db_{name}": value for name, value in db.items()}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
