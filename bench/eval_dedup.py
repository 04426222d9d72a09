"""Evaluate near-duplicate detection: precision and recall per media kind and transformation.

Usage: python -m bench.eval_dedup [--cache DIR]

Builds (or reuses) the set from `bench.dedup_dataset`, fingerprints every item, indexes sources
and distractors by their terms in an in-memory inverted index, then queries every copy and every
distractor: candidates share a term, and only verified candidates count as matches. A copy is
found when its source matches; any other match is a false positive. The last line printed is one
JSON object with recall and precision per kind.
"""

import argparse
import json
import pickle
import time
from collections import Counter, defaultdict
from pathlib import Path

from assets.fingerprints.audio import SECONDS_PER_ITEM, audio_fingerprint
from assets.fingerprints.images import image_fingerprint
from assets.fingerprints.text import minhash
from assets.fingerprints.video import video_fingerprint
from bench.dedup_dataset import DEFAULT_CACHE, build
from search import lsh

# Bump a kind's version when its algorithm changes: only that kind is fingerprinted again.
FINGERPRINT_VERSIONS = {"image": 1, "video": 1, "audio": 1, "text": 2}


def fingerprint(item: dict):
    kind = item["kind"]
    if kind == "image":
        return image_fingerprint(item["path"])
    if kind == "video":
        return [(frame.seconds, frame.pdq) for frame in video_fingerprint(item["path"])]
    if kind == "audio":
        return audio_fingerprint(item["path"])
    return minhash(item["text"])


def terms(kind: str, fp) -> list[str]:
    if kind == "image":
        return lsh.image_terms(fp.hashes, fp.features.descriptors)
    if kind == "video":
        return lsh.video_terms(pdq for _, pdq in fp)
    if kind == "audio":
        return lsh.audio_terms(fp)
    return lsh.minhash_terms(fp)


def verify(kind: str, query, candidate, limits: dict) -> tuple[bool, float]:
    """(same work?, the measured offset in seconds for video and audio, else 0)."""
    if kind == "image":
        return lsh.image_match(candidate, query, limits)[0], 0.0
    if kind == "video":
        ratio, ranges = lsh.video_match(candidate, query, limits)
        offset = ranges[0]["a_start"] - ranges[0]["b_start"] if ranges else 0.0
        return ratio >= limits["video_min_ratio"], offset
    if kind == "audio":
        score, offset = lsh.audio_match(candidate, query, limits)
        return lsh.audio_is_match(score, limits), offset * SECONDS_PER_ITEM
    return lsh.text_is_match(candidate, query, limits), 0.0


def load_fingerprints(cache: Path, items: list[dict]) -> dict:
    fingerprints = {}
    for kind, version in FINGERPRINT_VERSIONS.items():
        store = cache / f"fingerprints-{kind}-v{version}.pickle"
        if store.exists():
            fingerprints |= pickle.loads(store.read_bytes())
            continue
        started = time.perf_counter()
        of_kind = {item["id"]: fingerprint(item) for item in items if item["kind"] == kind}
        print(f"fingerprinted {len(of_kind)} {kind} items in {time.perf_counter() - started:.1f} s")
        store.write_bytes(pickle.dumps(of_kind))
        fingerprints |= of_kind
    return fingerprints


class InvertedIndex:
    def __init__(self) -> None:
        self.postings: dict[str, set[str]] = defaultdict(set)

    def add(self, doc_id: str, doc_terms: list[str]) -> None:
        for term in doc_terms:
            self.postings[term].add(doc_id)

    def candidates(self, query_terms: list[str], min_local: int) -> set[str]:
        """Docs sharing a hash band term, or at least `min_local` local-feature terms."""
        local, found = Counter(), set()
        for term in query_terms:
            docs = self.postings.get(term, ())
            if term.startswith("orb:"):
                local.update(docs)
            else:
                found.update(docs)
        return found | {doc for doc, count in local.items() if count >= min_local}


def evaluate(items: list[dict], fingerprints: dict, limits: dict) -> dict:
    library = [i for i in items if i["role"] in ("source", "distractor")]
    queries = [i for i in items if i["role"] in ("copy", "distractor")]
    indexes = defaultdict(InvertedIndex)
    for item in library:
        indexes[item["kind"]].add(item["id"], terms(item["kind"], fingerprints[item["id"]]))
    rows = defaultdict(lambda: Counter())
    offsets = defaultdict(list)
    for query in queries:
        kind, own = query["kind"], fingerprints[query["id"]]
        found = indexes[kind].candidates(terms(kind, own), limits["image_min_shared_terms"])
        found.discard(query["id"])
        row = rows[(kind, query["role"], query["transform"])]
        row["queries"] += 1
        row["candidates"] += len(found)
        for doc in found:
            same, offset = verify(kind, own, fingerprints[doc], limits)
            if not same:
                continue
            if query["role"] == "copy" and doc == query["source"]:
                row["hits"] += 1
                if "offset" in query:
                    offsets[kind].append(abs(offset - query["offset"]))
            else:
                row["false_positives"] += 1
    return {"rows": rows, "offsets": offsets, "library": Counter(i["kind"] for i in library)}


def report(result: dict) -> dict:
    summary = {}
    print(f"{'kind':6} {'role':10} {'transformation':22} {'n':>4} {'recall':>7} {'FP':>4} {'cand':>6}")
    for (kind, role, transform), row in sorted(result["rows"].items()):
        recall = f"{row['hits'] / row['queries']:.3f}" if role == "copy" else "-"
        print(f"{kind:6} {role:10} {transform:22} {row['queries']:4d} {recall:>7} "
              f"{row['false_positives']:4d} {row['candidates'] / row['queries']:6.1f}")  # fmt: skip
    for kind in ("image", "video", "audio", "text"):
        kind_rows = [r for (k, _, _), r in result["rows"].items() if k == kind]
        copies = sum(r["queries"] for (k, role, _), r in result["rows"].items()
                     if k == kind and role == "copy")  # fmt: skip
        hits = sum(r["hits"] for r in kind_rows)
        false = sum(r["false_positives"] for r in kind_rows)
        summary[kind] = {"recall": round(hits / max(copies, 1), 4),
                         "precision": round(hits / max(hits + false, 1), 4)}  # fmt: skip
        errors = result["offsets"].get(kind)
        if errors:
            print(f"{kind}: offset error mean {sum(errors) / len(errors):.2f} s, "
                  f"max {max(errors):.2f} s over {len(errors)} trimmed copies")  # fmt: skip
    print("library size per kind:", dict(result["library"]))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    cache = parser.parse_args().cache
    started = time.perf_counter()
    items = json.loads(build(cache).read_text())["items"]
    fingerprints = load_fingerprints(cache, items)
    summary = report(evaluate(items, fingerprints, lsh.thresholds()))
    print(f"total {time.perf_counter() - started:.1f} s")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
