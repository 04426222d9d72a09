"""The Elasticsearch index: its mapping, the documents it holds, and rebuilding behind an alias.

Text is folded in Python (the integ-test-zip server has no ICU or asciifolding plugins), so the
standard analyzer is enough: `title`/`text` keep diacritics, `*_folded` hold the folded copies.
Adjacency is rewarded with match_phrase rather than shingles (no analysis-common module needed).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import Boolean, Date, Integer, Keyword, Mapping, Object, Text

from ..documents import SearchRecord

BULK_CHUNK = 1000


@dataclass(frozen=True)
class IndexSettings:
    """What a deployment chooses for its cluster (ELASTICSEARCH_SHARDS, _REPLICAS,
    _REFRESH_INTERVAL): more shards spread a large index over nodes, replicas add copies for
    reading and for losing a node, a longer refresh interval makes heavy indexing cheaper."""

    shards: int = 1
    replicas: int = 1
    refresh_interval: str = "1s"

    def for_new_index(self, loading: bool = False) -> dict:
        """While a rebuild fills an index: no replicas and no refresh, both restored after."""
        return {
            "number_of_shards": self.shards,
            "number_of_replicas": 0 if loading else self.replicas,
            "refresh_interval": "-1" if loading else self.refresh_interval,
        }

    def after_loading(self) -> dict:
        return {"number_of_replicas": self.replicas, "refresh_interval": self.refresh_interval}


def mapping() -> dict:
    fields = Mapping()
    fields.meta("dynamic", "strict")
    for name in ("key", "kind", "type", "agency", "topics", "audiences", "campaign"):
        fields.field(name, Keyword())
    for name in ("language", "licence", "terms", "stamp"):
        fields.field(name, Keyword())
    fields.field("agency_name", Keyword(index=False))
    fields.field("url", Keyword(index=False))
    for name in ("title", "title_en", "text", "title_folded", "text_folded"):
        fields.field(name, Text(analyzer="standard"))
    fields.field("year", Integer())
    fields.field("published_at", Date())
    fields.field("embargo_until", Date())
    fields.field("is_public", Boolean())
    fields.field("fingerprints", Object(enabled=False))
    return fields.to_dict()


def source_for(record: SearchRecord) -> dict:
    # Empty strings would show up as a facet value of their own.
    values = {name: (None if value == "" else value) for name, value in record.to_json().items()}
    return {
        **values,
        "title_folded": record.title_folded,
        "text_folded": record.text_folded,
        "stamp": record.stamp,
    }


def upsert_actions(index: str, records: Iterable[SearchRecord]) -> Iterator[dict]:
    for record in records:
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": record.key,
            "_source": source_for(record),
        }


def delete_actions(index: str, keys: Iterable[str]) -> Iterator[dict]:
    for key in keys:
        yield {"_op_type": "delete", "_index": index, "_id": key}


def write(client: Elasticsearch, actions: Iterable[dict], refresh: bool) -> int:
    written, errors = helpers.bulk(
        client, actions, chunk_size=BULK_CHUNK, raise_on_error=False, refresh=refresh
    )
    real_errors = [error for error in errors if not _is_missing_delete(error)]
    if real_errors:
        raise helpers.BulkIndexError(f"{len(real_errors)} documents failed", real_errors)
    return written


def _is_missing_delete(error: dict) -> bool:
    return error.get("delete", {}).get("status") == 404


def create_index(
    client: Elasticsearch, name: str, settings: IndexSettings, loading: bool = False
) -> None:
    client.indices.create(index=name, settings=settings.for_new_index(loading), mappings=mapping())


def ensure_alias(client: Elasticsearch, alias: str, settings: IndexSettings) -> None:
    """Create a first index behind the alias when neither exists."""
    if client.indices.exists_alias(name=alias) or client.indices.exists(index=alias):
        return
    name = new_index_name(alias)
    create_index(client, name, settings)
    client.indices.put_alias(index=name, name=alias)


def new_index_name(alias: str) -> str:
    return f"{alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"


def rebuild(
    client: Elasticsearch, alias: str, settings: IndexSettings, records: Iterable[SearchRecord]
) -> int:
    """Fill a new index, then move the alias to it in one atomic step and drop the old ones.

    Queries and writes go to the old index through the alias until the switch: searching never
    stops. Writes made during the fill are not in the new index; the caller reconciles it with
    the database index right after (search.rebuild.rebuild_all).
    """
    name = new_index_name(alias)
    create_index(client, name, settings, loading=True)
    written = write(client, upsert_actions(name, records), refresh=False)
    client.indices.put_settings(index=name, settings=settings.after_loading())
    client.indices.refresh(index=name)
    old = _indices_behind(client, alias)
    actions = [{"add": {"index": name, "alias": alias}}]
    actions += [{"remove": {"index": index, "alias": alias}} for index in old]
    if client.indices.exists(index=alias) and not client.indices.exists_alias(name=alias):
        actions.append({"remove_index": {"index": alias}})
    client.indices.update_aliases(actions=actions)
    for index in old:
        client.indices.delete(index=index)
    return written


def _indices_behind(client: Elasticsearch, alias: str) -> list[str]:
    if not client.indices.exists_alias(name=alias):
        return []
    return list(client.indices.get_alias(name=alias))
