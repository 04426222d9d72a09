"""Tiny background tasks: they take keys, never model instances, and are safe to run twice."""

from django_tasks import task

from . import indexing, rebuild
from .keys import key_for_parts


@task()
def index_object(app_label: str, model_name: str, pk: int) -> None:
    indexing.index_key(key_for_parts(app_label, model_name, pk))


@task()
def remove_key(key: str) -> None:
    indexing.delete_keys([key])


@task()
def replay_pending_updates() -> int:
    return indexing.replay_pending()


@task()
def reconcile_index() -> dict[str, dict[str, int]]:
    return rebuild.reconcile()
