"""Near-duplicate lookup among 1,000,000 image fingerprints, in each search backend, against a
brute-force scan measured in the same run.

    python -m bench.dedup [--count 1000000] [--queries 300] [--no-elastic]

Generated 256-bit PDQ hashes (seeded random bits) are written through each backend's own bulk path
(`rebuild`) as records with their band terms (`search.duplicates.algorithms.bands`, the product's
scheme). A query is a stored hash with 4 to 32 random bits flipped (what recompression, resizing and
light edits do to PDQ) or, for one query in five, a hash with no stored neighbour. A lookup is what
the matcher does: `find_by_terms` on the backend, then exact Hamming verification of the candidates
(their hashes are held in a numpy array here, standing in for the stored fingerprints). The brute
force is a numpy XOR + popcount over all hashes; recall counts the neighbours within 31 bits
(RECALL_BITS; the product's limit, a little wider, is reported too). The database backend runs on
a throwaway SQLite file, copied from ~/.cache/ncrl-bench once a first run loaded it; Elasticsearch
when ELASTICSEARCH_URL is set, on a throwaway alias. With the database loaded, the whole check of
a 12-megapixel JPEG, a 60 s video and a 60 s track is timed (`bench.dedup_check`). The last line
is JSON.
"""

import argparse
import hashlib
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from bench.dedup_check import CHECK_KINDS, load_fingerprints, measure_checks
from bench.search import percentile, setup_django, throwaway_elastic
from search.duplicates.algorithms.bands import interleaved_bands, pdq_terms

FLIPPED_BITS = (4, 32)
NO_NEIGHBOUR_SHARE = 0.2
SEED = 20261122
LOAD_BATCH = 20_000
RECALL_BITS = 31  # recall against brute force is counted for neighbours this close
CACHE = Path.home() / ".cache" / "ncrl-bench"
LOAD_VERSION = "2"  # what load_embedded writes: 2 = interleaved bands, fingerprint rows


def generate_hashes(count: int) -> np.ndarray:
    """(count, 32) uint8: one 256-bit hash per row."""
    return np.random.default_rng(SEED).integers(0, 256, size=(count, 32), dtype=np.uint8)


def make_queries(hashes: np.ndarray, count: int) -> list[tuple[np.ndarray, int | None]]:
    """(query hash, index of the stored hash it was made from, or None)."""
    rng = np.random.default_rng(SEED + 1)
    queries = []
    for _ in range(count):
        if rng.random() < NO_NEIGHBOUR_SHARE:
            queries.append((rng.integers(0, 256, 32, dtype=np.uint8), None))
            continue
        source = int(rng.integers(0, len(hashes)))
        bits = np.unpackbits(hashes[source])
        flipped = rng.choice(256, int(rng.integers(*FLIPPED_BITS, endpoint=True)), replace=False)
        bits[flipped] ^= 1
        queries.append((np.packbits(bits), source))
    return queries


def records(hashes: np.ndarray) -> Iterator:
    from search.documents import SearchRecord

    for number, row in enumerate(hashes):
        yield SearchRecord(
            key=f"image:{number}",
            kind="image",
            type="photo",
            title=f"fingerprint {number}",
            is_public=True,
            terms=pdq_terms(row.tobytes().hex()),
        )


def band_terms(batch: np.ndarray) -> list[list[str]]:
    """`pdq_terms` of many hashes at once (the same terms, a hundred times faster)."""
    contiguous = batch.view(">u2")
    interleaved = interleaved_bands(batch)
    return [
        [f"pdq:b{i}:{int(v):04x}" for i, v in enumerate(first)]
        + [f"pdq:s{j}:{int(v):04x}" for j, v in enumerate(second)]
        for first, second in zip(contiguous, interleaved, strict=True)
    ]


def cached_database(count: int) -> Path:
    """Where a loaded database of `count` hashes is kept between runs: named for what shaped
    its rows (the seed, the band terms); a new migration is applied to the copy by `migrate`
    and the migrated copy kept (`keep_migrated`), instead of a half-hour load again."""
    shape = [str(count), str(SEED), LOAD_VERSION]
    digest = hashlib.sha256("\n".join(shape).encode()).hexdigest()[:16]
    return CACHE / f"dedup-{count}-{digest}.sqlite3"


def applied_migrations(database: Path) -> set[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(database) as connection:
        return set(connection.execute("SELECT app, name FROM django_migrations"))


def keep_migrated(working: Path, cached: Path, before: set[tuple[str, str]]) -> None:
    """Copy the working database back to the cache when `migrate` changed it."""
    if applied_migrations(working) == before:
        return
    print(f"migrations applied to the cached database: keeping it in {cached}", flush=True)
    partial = cached.with_suffix(".partial")
    shutil.copyfile(working, partial)
    partial.rename(cached)


def load_embedded(hashes: np.ndarray) -> int:
    """Rows straight into the database backend's own tables (entries, their FTS rows through the
    trigger, the term index, and the fingerprints): the ORM's rebuild writes about 1,100
    records a second, a quarter of an hour for a million, and the load is not what is measured
    here."""
    from django.db import connection, transaction
    from django.utils import timezone

    from search.duplicates.models import AssetFingerprint

    now = timezone.now().isoformat()
    connection.ensure_connection()
    raw = connection.connection  # sqlite3 itself: ten times faster than Django's cursor
    for pragma in ("synchronous = OFF", "journal_mode = MEMORY", "cache_size = -1000000"):
        raw.execute(f"PRAGMA {pragma}")
    tables = ("library_search_searchterm", AssetFingerprint._meta.db_table)
    with transaction.atomic(), indexed_after(raw, tables):
        for start in range(0, len(hashes), LOAD_BATCH):
            batch = hashes[start : start + LOAD_BATCH]
            numbers = range(start, start + len(batch))
            raw.executemany(
                "INSERT INTO library_search_searchentry (id, key, kind, agency, title,"
                " title_folded, text, text_folded, is_public, stamp, payload, updated_at)"
                " VALUES (?, ?, 'image', '', ?, ?, '', '', 1, '', '{}', ?)",
                [
                    (n + 1, f"image:{n}", f"fingerprint {n}", f"fingerprint {n}", now)
                    for n in numbers
                ],
            )
            raw.executemany(
                "INSERT INTO library_search_searchterm (entry_id, term, kind)"
                " VALUES (?, ?, 'image')",
                [
                    (n + 1, term)
                    for n, terms in zip(numbers, band_terms(batch), strict=True)
                    for term in terms
                ],
            )
        load_fingerprints(raw, hashes, LOAD_BATCH)
    return len(hashes)


@contextmanager
def indexed_after(raw, tables: tuple[str, ...]):
    """Drop the tables' indexes while rows are loaded, and build them once at the end: sorted
    builds instead of a million random B-tree inserts."""
    indexes = raw.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({', '.join(['?'] * len(tables))})",
        list(tables),
    ).fetchall()
    for name, _sql in indexes:
        raw.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        raw.execute(sql)


def load_and_keep(hashes: np.ndarray, cached: Path) -> int:
    """Load, then keep a copy of the database for the next run (outside the checkout)."""
    import sqlite3

    from django.db import connection

    written = load_embedded(hashes)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    with sqlite3.connect(partial) as target:
        connection.connection.backup(target)
    partial.rename(cached)
    return written


def within(hashes: np.ndarray, query: np.ndarray, indices: np.ndarray, limit: int) -> set[int]:
    distances = np.bitwise_count(np.bitwise_xor(hashes[indices], query)).sum(axis=1)
    return {int(i) for i in indices[distances <= limit]}


def lookup(backend, hashes: np.ndarray, query: np.ndarray, limit: int) -> set[int]:
    from search.duplicates.matching import CANDIDATES_PER_GROUP

    terms = pdq_terms(query.tobytes().hex())
    found = backend.find_by_terms(terms, ["image"], CANDIDATES_PER_GROUP)
    candidates = np.array([int(key.split(":")[1]) for key, _shared in found], dtype=np.int64)
    return within(hashes, query, candidates, limit) if len(candidates) else set()


def brute_force(packed: np.ndarray, query: np.ndarray, limit: int) -> set[int]:
    distances = np.bitwise_count(packed ^ query.view(np.uint64)).sum(axis=1)
    return {int(i) for i in np.flatnonzero(distances <= limit)}


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - started) * 1000, result


def measure(name: str, backend, hashes, queries, truth, limit: int, load) -> dict:
    started = time.perf_counter()
    written = load(hashes)
    if hasattr(backend, "refresh"):
        backend.refresh()
    load_s = time.perf_counter() - started
    for query, _source in queries[:10]:  # warm caches
        lookup(backend, hashes, query, limit)
    timings, found, expected = [], 0, 0
    for (query, _source), neighbours in zip(queries, truth, strict=True):
        elapsed, result = timed(lookup, backend, hashes, query, limit)
        timings.append(elapsed)
        found += len(result & neighbours)
        expected += len(neighbours)
    figures = {
        "load_s": round(load_s, 1),
        "docs_per_s": round(written / load_s) if written else None,  # None: a cached load
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "recall_vs_bruteforce": round(found / max(expected, 1), 4),
    }
    print(f"{name}: {json.dumps(figures)}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--no-elastic", action="store_true", help="Skip Elasticsearch.")
    parser.add_argument(
        "--checks",
        default=",".join(CHECK_KINDS),
        help="Kinds whose whole check is timed, comma-separated (default: all; none: '').",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ncrl-bench-dedup-") as workdir:
        cached = cached_database(args.count)
        working = Path(workdir) / "bench.sqlite3"
        if cached.exists():
            print(f"database with {args.count} hashes loaded from {cached}")
            shutil.copyfile(cached, working)
            before = applied_migrations(working)
        elastic_url = setup_django(workdir)
        if cached.exists():
            keep_migrated(working, cached, before)
        if args.no_elastic:
            elastic_url = None
        from search.backends.database import DatabaseBackend
        from search.duplicates.thresholds import thresholds

        limit = thresholds().image_global_pdq
        hashes = generate_hashes(args.count)
        packed = hashes.view(np.uint64)
        queries = make_queries(hashes, args.queries)
        brute_ms, truth = [], []
        for query, _source in queries:
            elapsed, neighbours = timed(brute_force, packed, query, RECALL_BITS)
            brute_ms.append(elapsed)
            truth.append(neighbours)
        brute = {
            "p50_ms": round(statistics.median(brute_ms), 2),
            "p95_ms": round(percentile(brute_ms, 0.95), 2),
        }
        print(f"{args.count} hashes, {args.queries} queries, recall within {RECALL_BITS} bits")
        print(f"brute force (numpy XOR + popcount over all): {json.dumps(brute)}", flush=True)
        load = (lambda rows: 0) if cached.exists() else (lambda rows: load_and_keep(rows, cached))
        embedded = measure(
            "embedded (SQLite)", DatabaseBackend(), hashes, queries, truth, RECALL_BITS, load
        )
        checks = measure_checks([kind for kind in args.checks.split(",") if kind])
        es = {"p50_ms": None, "p95_ms": None}
        with throwaway_elastic(elastic_url, "ncrl-bench-dedup", timeout=300) as elastic:
            if elastic is not None:
                load = lambda rows: elastic.rebuild(records(rows))  # noqa: E731
                es = measure("elasticsearch", elastic, hashes, queries, truth, RECALL_BITS, load)
    ratio = brute["p95_ms"] / embedded["p95_ms"] if embedded["p95_ms"] else None
    print(f"embedded p95 is {ratio:.1f}x faster than brute force" if ratio else "")
    print(
        json.dumps(
            {
                "embedded_p95_ms": embedded["p95_ms"],
                "es_p95_ms": es["p95_ms"],
                "bruteforce_p95_ms": brute["p95_ms"],
                "embedded_p50_ms": embedded["p50_ms"],
                "es_p50_ms": es["p50_ms"],
                "bruteforce_p50_ms": brute["p50_ms"],
                "embedded_recall_vs_bruteforce": embedded["recall_vs_bruteforce"],
                "es_recall_vs_bruteforce": es.get("recall_vs_bruteforce"),
                "recall_within_bits": RECALL_BITS,
                "product_limit_bits": limit,
                **checks,
                "count": args.count,
            }
        )
    )


if __name__ == "__main__":
    main()
