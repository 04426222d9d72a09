"""Search benchmark: bulk-index generated Vietnamese documents into each backend, time full-text
queries with two filters and facets, compare both backends' top 10, and time the embedded
profile's hub search page and /api/search/ over the same queries, and a query for a word that one
document repeats 10,000 times. A line tells where the database backend's time goes.

    python bench/search.py [--docs 100000] [--queries 300]

Elasticsearch is measured when ELASTICSEARCH_URL is set (scripts/services.sh up es), into a
throwaway alias that is deleted afterwards; the database backend, the hub page and the API run on
the embedded profile (SQLite in a temporary folder, no Elasticsearch behind them). The last line
is one JSON object: es_/db_ docs_per_s, p50_ms, p95_ms; db_docs_per_cpu_s (documents indexed per
second of this process's CPU: a figure the machine's other load hardly moves); db_top10_overlap
(mean share of Elasticsearch's top 10 that the database also returns in its top 10);
hub_search_p95_ms and
api_search_p95_ms; repeated_word_p95_ms (through /api/search/ on the embedded profile) and
es_repeated_word_p95_ms.
"""

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 10
REPEATED_WORD = "khuyến"  # not in the generated vocabulary: only the long document holds it
REPEATS = 10_000
REPEATED_QUERIES = 50
# Service variables that would turn the embedded profile into the production one.
PRODUCTION_VARIABLES = ("ELASTICSEARCH_URL", "SEARCH_URL", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME")


def setup_django(workdir: str) -> str | None:
    """Django on the embedded profile in `workdir`; returns the Elasticsearch URL, if any."""
    elastic_url = os.environ.get("ELASTICSEARCH_URL")
    for name in PRODUCTION_VARIABLES:
        os.environ.pop(name, None)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
    os.environ["NCRL_DATA_DIR"] = workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "localhost"
    import django
    from django.core.management import call_command

    django.setup()
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    return elastic_url


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(ask: Callable, requests: list) -> tuple[list[float], list]:
    """Milliseconds per request after the first few (they warm caches up), and every answer."""
    timings, answers = [], []
    for number, request in enumerate(requests):
        begin = time.perf_counter()
        answers.append(ask(request))
        if number >= WARM_UP:
            timings.append((time.perf_counter() - begin) * 1000)
    return timings, answers


def repeated_record():
    from datetime import UTC, datetime

    from search.documents import SearchRecord

    return SearchRecord(
        key="document:repeated",
        kind="document",
        type="pdf",
        title="Tài liệu lặp lại một từ",
        text=f"{REPEATED_WORD} " * REPEATS,
        agency="agency-00",
        language="vi",
        year=2026,
        published_at=datetime(2026, 1, 1, tzinfo=UTC),
        is_public=True,
    )


def measure(backend, docs: int, query_count: int) -> tuple[dict, list[list[str]]]:
    """Index figures and query timings of one backend, and the top 10 keys of each query."""
    from django.utils import timezone

    from bench.search_corpus import queries, records
    from search.backends.base import SearchQuery

    started, cpu_started = time.perf_counter(), time.process_time()
    written = backend.rebuild(records(docs))
    docs_per_s = written / (time.perf_counter() - started)
    docs_per_cpu_s = written / (time.process_time() - cpu_started)
    requests = [
        SearchQuery(text=text, filters=filters, facets=True, now=timezone.now())
        for text, filters in queries(query_count + WARM_UP)
    ]
    timings, answers = timed(backend.search, requests)
    figures = {
        "docs_per_s": round(docs_per_s, 1),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
    }
    if backend.name == "database":  # it runs in this process; Elasticsearch's CPU is the JVM's
        figures["docs_per_cpu_s"] = round(docs_per_cpu_s, 1)
    print(
        f"{backend.name}: {written} docs in bulk, {figures['docs_per_s']} docs/s; "
        f"{len(timings)} queries (text + 2 filters + facets), median "
        f"{statistics.median(a.total for a in answers[WARM_UP:])} hits: "
        f"p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms",
        flush=True,
    )
    return figures, [[hit.key for hit in answer.hits[:10]] for answer in answers[WARM_UP:]]


def database_steps(backend, query_count: int) -> dict:
    """Where the database backend's time goes: median ms of its query cut after each step (the
    full-text match with the filters; then BM25 ranking and the page; then facet counts; then
    the whole search: hit rows, highlighting and the Python around them)."""
    from django.db import connection
    from django.utils import timezone

    from bench.search_corpus import queries
    from search.backends import database
    from search.backends import database_sql as sql
    from search.backends.base import SearchQuery
    from search.backends.fulltext_sql import fulltext_match
    from search.folding import fold_words

    def prepared(query):
        words = list(dict.fromkeys(fold_words(query.text)))
        match = fulltext_match(connection.vendor, words, database.filter_groups(query.filters))
        return sql.selection(match, True, query.now), database.ranking(query.text, words)

    def counted(query):
        chosen, _order = prepared(query)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {chosen.from_where}", chosen.params)

    def paged(query, facets: bool):
        with connection.cursor() as cursor:
            sql.page(cursor, *prepared(query), "relevance", query.size, 0, facets)

    requests = [
        SearchQuery(text=text, filters=filters, facets=True, now=timezone.now())
        for text, filters in queries(query_count + WARM_UP)
    ]
    steps = {
        "match_and_filters": counted,
        "ranked_page": lambda query: paged(query, False),
        "facet_counts": lambda query: paged(query, True),
        "whole_search": backend.search,
    }
    medians = {
        name: round(statistics.median(timed(step, requests)[0]), 2) for name, step in steps.items()
    }
    print(f"{backend.name}: median ms when the query stops after each step: {medians}", flush=True)
    return medians


def repeated_word_p95(ask: Callable) -> float:
    timings, answers = timed(ask, [REPEATED_WORD] * (REPEATED_QUERIES + WARM_UP))
    assert all(answers), "the document repeating the word was not found"
    return round(percentile(timings, 0.95), 2)


@contextmanager
def throwaway_elastic(url: str | None, name: str, timeout: float):
    """The Elasticsearch backend on an alias of its own, deleted afterwards; None without URL."""
    from search.backends.elastic import ElasticsearchBackend
    from search.backends.elastic_index import IndexSettings

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


def elastic_figures(backend, docs: int, query_count: int) -> tuple[dict, list | None]:
    from search.backends.base import SearchQuery

    if backend is None:
        empty = {"docs_per_s": None, "p50_ms": None, "p95_ms": None, "repeated_word_p95_ms": None}
        return empty, None
    figures, tops = measure(backend, docs, query_count)
    backend.upsert([repeated_record()])
    figures["repeated_word_p95_ms"] = repeated_word_p95(
        lambda word: backend.search(SearchQuery(text=word, size=20, now=_now())).hits
    )
    return figures, tops


def _now():
    from django.utils import timezone

    return timezone.now()


def overlap(elastic_tops: list[list[str]], database_tops: list[list[str]]) -> float:
    shares = [
        len(set(theirs) & set(ours)) / len(theirs) if theirs else float(not ours)
        for theirs, ours in zip(elastic_tops, database_tops, strict=True)
    ]
    return round(statistics.mean(shares), 3)


def embedded_pages(query_count: int) -> dict:
    """The hub search page and /api/search/ answering the bench queries through Django."""
    from django.test import Client
    from django.urls import reverse

    from bench.search_corpus import queries
    from search.indexing import upsert_records

    client = Client(HTTP_HOST="localhost")
    requests = [{"q": text, **filters} for text, filters in queries(query_count + WARM_UP)]
    figures = {}
    for name, path in (("hub_search", reverse("hub:library")), ("api_search", "/api/search/")):
        timings, answers = timed(lambda params, path=path: client.get(path, params), requests)
        assert all(answer.status_code == 200 for answer in answers), f"{path} failed"
        figures[f"{name}_p95_ms"] = round(percentile(timings, 0.95), 2)
    upsert_records([repeated_record()])
    figures["repeated_word_p95_ms"] = repeated_word_p95(
        lambda word: client.get("/api/search/", {"q": word}).json()["hits"]
    )
    print(
        f"embedded profile: hub search page p95 {figures['hub_search_p95_ms']} ms, "
        f"/api/search/ p95 {figures['api_search_p95_ms']} ms, a word repeated {REPEATS:,} "
        f"times p95 {figures['repeated_word_p95_ms']} ms",
        flush=True,
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ncrl-bench-search-") as workdir:
        elastic_url = setup_django(workdir)
        from search.backends.database import DatabaseBackend

        with throwaway_elastic(elastic_url, "ncrl-bench", timeout=120) as elastic:
            es, elastic_tops = elastic_figures(elastic, args.docs, args.queries)
        db, database_tops = measure(DatabaseBackend(), args.docs, args.queries)
        database_steps(DatabaseBackend(), min(args.queries, 100))
        pages = embedded_pages(args.queries)
    summary = {f"es_{name}": value for name, value in es.items() if name != "repeated_word_p95_ms"}
    summary |= {f"db_{name}": value for name, value in db.items()}
    summary["db_top10_overlap"] = overlap(elastic_tops, database_tops) if elastic_tops else None
    if elastic_tops:
        print(f"top 10 overlap with Elasticsearch: {summary['db_top10_overlap']}", flush=True)
    summary |= pages
    summary["es_repeated_word_p95_ms"] = es["repeated_word_p95_ms"]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
