"""Whole-index operations: rebuild from the models, and reconcile drift between the copies.

The models are the truth for the database index; the database index is the truth for
Elasticsearch. Stamps (digests of whole records) tell which entries differ.
"""

from collections.abc import Callable, Iterator

from django.utils import timezone

from .backends import get_database_backend, get_elastic_backend
from .backends.base import SearchBackend
from .documents import SearchRecord
from .keys import INDEXED_MODELS, instance_for_key, model_for_kind
from .models import PendingUpdate
from .records import record_for
from .signals import records_written


def model_records() -> Iterator[SearchRecord]:
    for kind in INDEXED_MODELS:
        for instance in model_for_kind(kind).objects.order_by("pk").iterator(chunk_size=200):
            yield record_for(instance)


def rebuild_all() -> tuple[int, int | None]:
    """(database records, Elasticsearch records or None when it is not configured).

    Elasticsearch is filled in a new index behind the alias (searches keep being answered by the
    old one), then checked against the database index once the alias moved: what changed during
    the fill reached the old index only, and is written again.
    """
    database = get_database_backend()
    as_of = timezone.now()
    database_count = database.rebuild(model_records())
    records_written.send(sender=None, keys=None, as_of=as_of)  # None: every key
    elastic = get_elastic_backend()
    if elastic is None:
        return database_count, None
    elastic_count = elastic.rebuild(database.records())
    _reconcile_elastic(database, elastic)
    return database_count, elastic_count


def _records_from_models(keys: list[str]) -> list[SearchRecord]:
    instances = (instance_for_key(key) for key in keys)
    return [record_for(instance) for instance in instances if instance is not None]


def _fix(
    backend: SearchBackend,
    wanted: dict[str, str],
    actual: dict[str, str],
    records_for: Callable[[list[str]], list[SearchRecord]],
) -> dict[str, int]:
    missing = wanted.keys() - actual.keys()
    extra = actual.keys() - wanted.keys()
    stale = {key for key in wanted.keys() & actual.keys() if wanted[key] != actual[key]}
    backend.upsert(records_for(sorted(missing | stale)))
    backend.delete(sorted(extra))
    return {"missing": len(missing), "stale": len(stale), "extra": len(extra)}


def reconcile() -> dict[str, dict[str, int]]:
    """Fix the database index against the models, then Elasticsearch against the database."""
    database = get_database_backend()
    wanted = {record.key: record.stamp for record in model_records()}
    report = {"database": _fix(database, wanted, database.stamps(), _records_from_models)}
    elastic = get_elastic_backend()
    if elastic is not None:
        report["elasticsearch"] = _reconcile_elastic(database, elastic)
    return report


def _reconcile_elastic(database, elastic) -> dict[str, int]:
    """Elasticsearch made equal to the database index; the queued updates are then moot."""

    def from_database(keys: list[str]) -> list[SearchRecord]:
        return [record for record in map(database.record, keys) if record is not None]

    report = _fix(elastic, database.stamps(), elastic.stamps(), from_database)
    PendingUpdate.objects.all().delete()
    return report
