"""Evaluate near-duplicate detection: precision and recall per media kind and transformation.

Usage: python -m bench.eval_dedup [--cache DIR] [--threshold NAME=VALUE ...] [--sets image,...]

Builds (or reuses) the set from `bench.dedup_dataset`, fingerprints every item, indexes sources
and distractors by their terms in an in-memory inverted index, then queries every copy and every
distractor the way the product does (`search.duplicates.modalities`: compute, candidate_terms,
compare):
candidates share terms, and only verified candidates count as matches. A copy is
found when its source matches; any other match is a false positive. The last line printed is one
JSON object with recall and precision per kind ("speech": the spoken audio, evaluated on its own
but indexed with the music, as in the product), and the weakest transformation's recall.
"""

import argparse
import json
import pickle
import time
from collections import Counter, defaultdict
from pathlib import Path

from assets.validation import media_input
from bench.dedup_dataset import DEFAULT_CACHE, build, set_of
from search.duplicates.algorithms.thresholds import DEFAULT_THRESHOLDS, Thresholds
from search.duplicates.modalities import modality

# Bump a set's version when its algorithm or data changes: only that set is fingerprinted again.
FINGERPRINT_VERSIONS = {"image": 4, "video": 4, "audio": 1, "speech": 1, "text": 2}
SETS = ("image", "video", "audio", "speech", "text")


def fingerprint(item: dict) -> dict:
    """The product's fingerprint data of an item (`Modality.compute`)."""
    if "text" in item:
        return modality(item["kind"]).compute(item["text"])
    path = Path(item["path"])
    source = media_input(path) if item["kind"] in ("audio", "video") else path
    return modality(item["kind"]).compute(source)


def as_data(kind: str, stored) -> dict:
    """Earlier versions of this script cached objects; the product takes dicts."""
    if isinstance(stored, dict):
        return stored
    if kind == "image":
        return stored.to_json()
    if kind == "video":
        return {"frames": [list(frame) for frame in stored]}
    return {"chromaprint": stored} if kind == "audio" else {"minhash": stored}


def load_fingerprints(cache: Path, items: list[dict], sets=SETS) -> dict:
    found = {}
    for name, version in FINGERPRINT_VERSIONS.items():
        if name not in sets:
            continue
        store = cache / f"fingerprints-{name}-v{version}.pickle"
        if store.exists():
            found |= pickle.loads(store.read_bytes())
            continue
        started = time.perf_counter()
        of_set = {item["id"]: fingerprint(item) for item in items if set_of(item) == name}
        print(f"fingerprinted {len(of_set)} {name} items in {time.perf_counter() - started:.1f} s")
        store.write_bytes(pickle.dumps(of_set))
        found |= of_set
    return found


class InvertedIndex:
    """What a search backend's `find_by_terms` answers: documents sharing terms, with the count."""

    def __init__(self) -> None:
        self.postings: dict[str, set[str]] = defaultdict(set)

    def add(self, doc_id: str, doc_terms: list[str]) -> None:
        for term in doc_terms:
            self.postings[term].add(doc_id)

    def shared(self, query_terms: list[str]) -> Counter:
        return Counter(doc for term in set(query_terms) for doc in self.postings.get(term, ()))


def candidates(index: InvertedIndex, kind: str, data: dict, limits: Thresholds) -> dict[str, bool]:
    """The product's rule (search.duplicates.matching): candidate -> thorough check or not."""
    found: dict[str, bool] = {}
    for group in modality(kind).candidate_terms(data, limits):
        for doc, count in index.shared(group.terms).items():
            if count >= group.needed:
                found[doc] = found.get(doc, False) or group.weak
    return found


def measured_offset(kind: str, details: dict) -> float | None:
    if kind == "video" and details.get("ranges"):
        first = details["ranges"][0]
        return first["a_start"] - first["b_start"]
    return details.get("offset_seconds") if kind == "audio" else None


def evaluate(items: list[dict], data: dict, limits: Thresholds) -> dict:
    library = [i for i in items if i["role"] in ("source", "distractor")]
    queries = [i for i in items if i["role"] in ("copy", "distractor")]
    indexes = defaultdict(InvertedIndex)
    for item in library:
        indexes[item["kind"]].add(
            item["id"], modality(item["kind"]).index_terms(data[item["id"]], limits)
        )
    rows = defaultdict(lambda: Counter())
    offsets = defaultdict(list)
    for query in queries:
        kind, own = query["kind"], data[query["id"]]
        found = candidates(indexes[kind], kind, own, limits)
        found.pop(query["id"], None)
        row = rows[(set_of(query), query["role"], query["transform"])]
        row["queries"] += 1
        row["candidates"] += len(found)
        for doc, thorough in found.items():
            verdict = modality(kind).compare(own, data[doc], limits, thorough=thorough)
            if not verdict.same:
                continue
            if query["role"] == "copy" and doc == query["source"]:
                row["hits"] += 1
                offset = measured_offset(kind, verdict.details)
                if "offset" in query and offset is not None:
                    offsets[set_of(query)].append(abs(abs(offset) - query["offset"]))
            else:
                row["false_positives"] += 1
    return {"rows": rows, "offsets": offsets, "library": Counter(set_of(i) for i in library)}


def report(result: dict, sets=SETS) -> dict:
    summary = {}
    print(
        f"{'kind':6} {'role':10} {'transformation':22} {'n':>4} {'recall':>7} {'FP':>4} {'cand':>6}"
    )
    for (kind, role, transform), row in sorted(result["rows"].items()):
        recall = f"{row['hits'] / row['queries']:.3f}" if role == "copy" else "-"
        print(f"{kind:6} {role:10} {transform:22} {row['queries']:4d} {recall:>7} "
              f"{row['false_positives']:4d} {row['candidates'] / row['queries']:6.1f}")  # fmt: skip
    for kind in sets:
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
    print("library size per set:", dict(result["library"]))
    rows = result["rows"].items()
    copies = [(f"{kind}:{transform}", row["hits"] / row["queries"])
              for (kind, role, transform), row in rows if role == "copy"]  # fmt: skip
    name, recall = min(copies, key=lambda copy: copy[1])
    summary["weakest_transformation"] = {"name": name, "recall": round(recall, 4)}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument(
        "--threshold", action="append", default=[], metavar="NAME=VALUE",
        help="Evaluate with this threshold changed (Thresholds field names).",
    )  # fmt: skip
    parser.add_argument(
        "--sets", default=",".join(SETS), help=f"Evaluate only these sets ({', '.join(SETS)})."
    )
    arguments = parser.parse_args()
    sets = [name for name in arguments.sets.split(",") if name]
    unknown = set(sets) - set(SETS)
    if unknown:
        parser.error(f"unknown sets: {', '.join(sorted(unknown))}")
    cache = arguments.cache
    changed = dict(pair.split("=", 1) for pair in arguments.threshold)
    limits = DEFAULT_THRESHOLDS.overridden({name: float(v) for name, v in changed.items()})
    started = time.perf_counter()
    indexed = {*sets, "audio"} if "speech" in sets else set(sets)  # speech meets the music too
    items = [i for i in json.loads(build(cache).read_text())["items"] if set_of(i) in indexed]
    stored = load_fingerprints(cache, items, indexed)
    data = {item["id"]: as_data(item["kind"], stored[item["id"]]) for item in items}
    summary = report(evaluate(items, data, limits), sets)
    print(f"total {time.perf_counter() - started:.1f} s")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
