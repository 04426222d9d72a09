"""Elasticsearch query bodies (through elasticsearch.dsl) for full text, filters and facets."""

import unicodedata
from datetime import datetime

from django.utils.dateparse import parse_datetime
from elasticsearch.dsl import Q, Search

from ..documents import FACET_FIELDS
from ..folding import fold, fold_words
from ..highlight import highlight
from ..ranking import EXACT_BONUS, EXACT_PHRASE_BONUS, PHRASE_BONUS, TITLE_BOOST
from .base import Hit, SearchQuery

FACET_VALUES_SHOWN = 20
SOURCE_FIELDS = ["key", "kind", "title", "url", "agency", "published_at", "text"]
ORIGINAL_FIELDS = ["title^3", "title_en^2", "text"]
FOLDED_FIELDS = [f"title_folded^{TITLE_BOOST}", "text_folded"]


def public_filter(now: datetime) -> Q:
    not_embargoed = ~Q("exists", field="embargo_until") | Q(
        "range", embargo_until={"lte": now.isoformat()}
    )
    return Q("term", is_public=True) & Q("bool", should=[not_embargoed], minimum_should_match=1)


def _bonus(query: Q, weight: int) -> Q:
    return Q("constant_score", filter=query, boost=weight)


def text_query(text: str) -> Q:
    """All folded words must match; exact accents, then adjacent words, earn fixed bonuses."""
    original, folded = unicodedata.normalize("NFC", text), fold(text)
    must = Q("multi_match", query=folded, fields=FOLDED_FIELDS, type="cross_fields", operator="and")
    exact = Q(
        "multi_match", query=original, fields=ORIGINAL_FIELDS, type="cross_fields", operator="and"
    )
    should = [_bonus(exact, EXACT_BONUS)]
    if len(fold_words(text)) > 1:
        folded_phrase = Q("multi_match", query=folded, fields=FOLDED_FIELDS, type="phrase")
        exact_phrase = Q("multi_match", query=original, fields=ORIGINAL_FIELDS, type="phrase")
        should += [_bonus(folded_phrase, PHRASE_BONUS), _bonus(exact_phrase, EXACT_PHRASE_BONUS)]
    return Q("bool", must=[must], should=should)


def filtered(search: Search, filters: dict[str, list[str]], public_only: bool, now) -> Search:
    for facet, values in filters.items():
        if facet in FACET_FIELDS and values:
            search = search.filter("terms", **{FACET_FIELDS[facet]: [str(v) for v in values]})
    return search.filter(public_filter(now)) if public_only else search


def search_body(query: SearchQuery, index: str) -> Search:
    search = Search(index=index)
    if query.text.strip():
        search = search.query(text_query(query.text))
    search = filtered(search, query.filters, query.public_only, query.now)
    if query.sort == "date" or not query.text.strip():
        search = search.sort(
            {"published_at": {"order": "desc", "missing": "_last"}}, {"key": "desc"}
        )
    else:
        search = search.sort({"_score": "desc"}, {"key": "desc"})
    if query.facets:
        for facet, field in FACET_FIELDS.items():
            search.aggs.bucket(facet, "terms", field=field, size=FACET_VALUES_SHOWN)
    extra = {"size": query.size, "track_total_hits": True}
    cursor = query.cursor or {}
    if "after" in cursor:
        extra["search_after"] = cursor["after"]
    elif cursor.get("offset", query.offset):
        extra["from"] = int(cursor.get("offset", query.offset))
    return search.extra(**extra).source(SOURCE_FIELDS)


def facets_of(aggregations: dict) -> dict[str, list[tuple[str, int]]]:
    return {
        facet: [(str(b["key"]), b["doc_count"]) for b in aggregations[facet]["buckets"]]
        for facet in FACET_FIELDS
        if aggregations.get(facet, {}).get("buckets")
    }


def hit_of(raw: dict, query_text: str) -> Hit:
    source = raw["_source"]
    return Hit(
        key=source["key"],
        kind=source["kind"],
        title=source["title"],
        url=source.get("url") or "",
        highlight=highlight(source.get("text") or "", query_text) if query_text else "",
        score=float(raw.get("_score") or 0.0),
        agency=source.get("agency") or "",
        published_at=parse_datetime(source["published_at"]) if source.get("published_at") else None,
    )
