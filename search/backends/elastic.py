"""The Elasticsearch backend: the official client and its elasticsearch.dsl module.

Documents are addressed through an alias, so `rebuild` can fill a new index and switch to it
without downtime. Errors are not caught here: `search.queries` and `search.indexing` decide what
happens when Elasticsearch does not answer.
"""

from collections.abc import Iterable
from datetime import datetime

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch.dsl import Q, Search

from ..cursor import encode_cursor
from ..documents import SearchRecord
from ..folding import fold
from . import elastic_index
from .base import Hit, SearchBackend, SearchQuery, SearchResults
from .elastic_query import SOURCE_FIELDS, facets_of, filtered, hit_of, search_body

# What "Elasticsearch is unavailable" looks like to the client: no connection, a time-out, or an
# error answer from the server.
UNAVAILABLE = (TransportError, ApiError, helpers.BulkIndexError)
SMALL_WRITE = 10


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        alias: str,
        settings: elastic_index.IndexSettings | None = None,
        timeout: float = 5.0,
    ) -> None:
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0)
        self.alias = alias
        self.settings = settings or elastic_index.IndexSettings()
        self._alias_ready = False

    def _ensure_alias(self) -> None:
        if not self._alias_ready:
            elastic_index.ensure_alias(self.client, self.alias, self.settings)
            self._alias_ready = True

    def ping(self) -> bool:
        """True when the cluster answers (GET / is not served by every distribution)."""
        try:
            self.client.options(request_timeout=2).cluster.health()
        except UNAVAILABLE:
            return False
        return True

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def upsert(self, records: Iterable[SearchRecord]) -> None:
        records = list(records)
        self._ensure_alias()
        actions = elastic_index.upsert_actions(self.alias, records)
        self._write(actions, len(records))

    def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        self._ensure_alias()
        actions = elastic_index.delete_actions(self.alias, keys)
        self._write(actions, len(keys))

    def _write(self, actions, count: int) -> None:
        """Changes are searchable on return: small writes refresh inline, large ones once after."""
        elastic_index.write(self.client, actions, refresh=count <= SMALL_WRITE)
        if count > SMALL_WRITE:
            self.refresh()

    def rebuild(self, records: Iterable[SearchRecord]) -> int:
        written = elastic_index.rebuild(self.client, self.alias, self.settings, records)
        self._alias_ready = True
        return written

    def stamps(self) -> dict[str, str]:
        self._ensure_alias()
        scan = helpers.scan(
            self.client, index=self.alias, query={"query": {"match_all": {}}}, _source=["stamp"]
        )
        return {hit["_id"]: hit["_source"].get("stamp", "") for hit in scan}

    def search(self, query: SearchQuery) -> SearchResults:
        self._ensure_alias()
        body = search_body(query, self.alias)
        response = self.client.search(index=self.alias, body=body.to_dict())
        raw_hits = response["hits"]["hits"]
        hits = [hit_of(raw, query.text) for raw in raw_hits]
        total = response["hits"]["total"]["value"]
        shown = int((query.cursor or {}).get("shown", query.offset)) + len(hits)
        next_cursor = None
        if raw_hits and shown < total:
            position = {"after": raw_hits[-1]["sort"], "shown": shown}
            next_cursor = encode_cursor(self.name, position)
        facets = facets_of(response.get("aggregations", {})) if query.facets else {}
        return SearchResults(hits=hits, total=total, facets=facets, next_cursor=next_cursor)

    def _hits(self, search: Search, query_text: str = "") -> list[Hit]:
        response = self.client.search(index=self.alias, body=search.to_dict())
        return [hit_of(raw, query_text) for raw in response["hits"]["hits"]]

    def autocomplete(self, prefix: str, size: int, public_only: bool, now: datetime) -> list[Hit]:
        if not fold(prefix):
            return []
        self._ensure_alias()
        search = Search().query(Q("match_phrase_prefix", title_folded=fold(prefix)))
        search = filtered(search, {}, public_only, now).extra(size=size).source(SOURCE_FIELDS)
        return self._hits(search)

    def more_like_this(self, key: str, size: int, public_only: bool, now: datetime) -> list[Hit]:
        self._ensure_alias()
        like = Q(
            "more_like_this",
            fields=["title_folded", "text_folded"],
            like=[{"_index": self.alias, "_id": key}],
            min_term_freq=1,
            min_doc_freq=1,
            max_query_terms=25,
        )
        search = filtered(Search().query(like), {}, public_only, now)
        return self._hits(search.extra(size=size).source(SOURCE_FIELDS))

    def find_by_terms(
        self, terms: list[str], kinds: list[str] | None = None, limit: int = 50
    ) -> list[tuple[str, int]]:
        if not terms:
            return []
        self._ensure_alias()
        # Each shared term adds exactly 1 to the score, so the score is the shared-term count.
        shared = [Q("constant_score", filter=Q("term", terms=term), boost=1) for term in set(terms)]
        kind_filter = [Q("terms", kind=kinds)] if kinds else []
        query = Q("bool", should=shared, minimum_should_match=1, filter=kind_filter)
        search = Search().query(query).extra(size=limit, track_total_hits=False).source(False)
        response = self.client.search(index=self.alias, body=search.to_dict())
        return [(raw["_id"], round(raw["_score"])) for raw in response["hits"]["hits"]]
