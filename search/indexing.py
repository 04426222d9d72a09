"""Write records: always to the database index, and to Elasticsearch when it is configured.

An Elasticsearch write that fails leaves a `PendingUpdate` for its key; `replay_pending` later
copies the database's current state of those keys to Elasticsearch.
"""

import logging
from collections.abc import Iterable

from django.db.models import F
from django.utils import timezone

from . import availability
from .backends import get_database_backend, get_elastic_backend
from .documents import SearchRecord
from .keys import instance_for_key
from .models import PendingUpdate
from .records import record_for
from .signals import records_written

logger = logging.getLogger(__name__)
REPLAY_BATCH = 500


def index_key(key: str) -> None:
    """Bring the index in line with the object behind `key`: upsert it, or drop it if gone."""
    as_of = timezone.now()
    instance = instance_for_key(key)
    if instance is None:
        delete_keys([key])
    else:
        upsert_records([record_for(instance)], as_of=as_of)


def upsert_records(records: Iterable[SearchRecord], as_of=None) -> None:
    """`as_of`: when the records were built (default: now, for records built just before)."""
    as_of = as_of or timezone.now()
    records = list(records)
    get_database_backend().upsert(records)
    keys = [r.key for r in records]
    records_written.send(sender=None, keys=keys, as_of=as_of)
    _write_elastic(lambda backend: backend.upsert(records), keys)


def delete_keys(keys: Iterable[str]) -> None:
    keys = list(keys)
    get_database_backend().delete(keys)
    _write_elastic(lambda backend: backend.delete(keys), keys)


def _write_elastic(write, keys: list[str]) -> None:
    from .backends.elastic import UNAVAILABLE

    backend = get_elastic_backend()
    if backend is None or not keys:
        return
    if not availability.should_try():
        queue_pending(keys, "Elasticsearch was down")
        return
    try:
        write(backend)
    except UNAVAILABLE as error:
        logger.warning("Elasticsearch write failed, queued %d keys: %s", len(keys), error)
        availability.mark_down()
        queue_pending(keys, str(error))
        return
    availability.mark_up()
    PendingUpdate.objects.filter(key__in=keys).delete()
    if PendingUpdate.objects.exists():
        replay_pending()


def queue_pending(keys: list[str], error: str) -> None:
    for key in keys:
        pending, _created = PendingUpdate.objects.get_or_create(key=key)
        pending.last_error = error[:2000]
        pending.save(update_fields=["last_error", "queued_at"])


def replay_pending() -> int:
    """Copy the database's state of every pending key to Elasticsearch; returns keys replayed."""
    from .backends.elastic import UNAVAILABLE

    backend = get_elastic_backend()
    if backend is None:
        PendingUpdate.objects.all().delete()
        return 0
    replayed = 0
    while batch := list(PendingUpdate.objects.all()[:REPLAY_BATCH]):
        started = timezone.now()
        try:
            _replay(backend, [pending.key for pending in batch])
        except UNAVAILABLE as error:
            availability.mark_down()
            ids = [pending.id for pending in batch]
            PendingUpdate.objects.filter(id__in=ids).update(
                attempts=F("attempts") + 1, last_error=str(error)[:2000]
            )
            return replayed
        ids = [pending.id for pending in batch]
        PendingUpdate.objects.filter(id__in=ids, queued_at__lte=started).delete()
        replayed += len(batch)
    availability.mark_up()
    return replayed


def _replay(backend, keys: list[str]) -> None:
    database = get_database_backend()
    records = {key: database.record(key) for key in keys}
    backend.upsert([record for record in records.values() if record is not None])
    backend.delete([key for key, record in records.items() if record is None])
