"""Copies of one work (assets a duplicate group joins) are answered once. The duplicates app, which
knows the groups, registers from its `ready()` how to tell the work of each key; search does not
import it (it sits above search)."""

from collections.abc import Callable

from .backends.base import Hit

# Takes keys, returns the work of each grouped one (keys of one work map to the same value).
WorkOf = Callable[[list[str]], dict[str, str]]
_finders: list[WorkOf] = []


def register_work_of(finder: WorkOf) -> None:
    if finder not in _finders:
        _finders.append(finder)


def once_per_work(hits: list[Hit]) -> list[Hit]:
    """The hits in rank order, each work once: by its best-ranked hit, never dropped because
    another copy (unpublished, filtered out) is not among them."""
    keys = [hit.key for hit in hits]
    works: dict[str, str] = {}
    for finder in _finders:
        works.update(finder(keys))
    seen, kept = set(), []
    for hit in hits:
        work = works.get(hit.key, hit.key)
        if work not in seen:
            seen.add(work)
            kept.append(hit)
    return kept
