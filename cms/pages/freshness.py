"""The generation of public content: any change to what public pages show (a page, an asset,
an agency, the taxonomy, duplicate groups, the search index, transcoding outputs) starts a new
one; config.operations connects those signals. The anonymous page cache and the hub's own
caches of derived data (facet labels and counts) key their entries by it, so nothing outlives
a change; entries of older generations simply expire."""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

GENERATION_KEY = "page-cache:generation"
FRAGMENT_SECONDS = 3600


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
    return generation


def new_generation(**kwargs) -> None:
    """At once and again when the transaction commits (a page rendered in between, from the rows
    before the change, must not be kept)."""
    _start_generation()
    transaction.on_commit(_start_generation)


def _start_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def cached_many(names: list[str], computing) -> dict[str, object]:
    """`computing(name)()` for each name, kept for the current generation and language: one
    round trip to the cache for all of them when they are known."""
    prefix = f"hub:{current_generation()}:{get_language()}:"
    found = cache.get_many([prefix + name for name in names])
    values, missing = {}, {}
    for name in names:
        if prefix + name in found:
            values[name] = found[prefix + name]
        else:
            values[name] = missing[prefix + name] = computing(name)()
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)
    return values
