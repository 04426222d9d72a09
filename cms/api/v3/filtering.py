"""Filters of the asset listings, on the ORM (no text) or through the project's search interface
(with `q`: folded Vietnamese, relevance order, the search backend's own cursor)."""

from django.db.models import QuerySet

from search import queries
from search.keys import split_key

from .params import AssetFilters

# Filter parameter -> search facet, for the part of a text query the index answers itself.
SEARCH_FACETS = {
    "kind": "type",
    "topic": "topic",
    "audience": "audience",
    "agency": "agency",
    "campaign": "campaign",
    "language": "language",
    "licence": "licence",
}


def filter_queryset(queryset: QuerySet, filters: AssetFilters) -> QuerySet:
    model = queryset.model
    lookups = {
        "kind__in": filters.kind,
        "agency__code__in": filters.agency,
        "agency__kind__in": filters.agency_kind,
        "campaign__slug__in": filters.campaign,
        "language__in": filters.language,
        "licence__code__in": filters.licence,
    }
    queryset = queryset.filter(**{lookup: values for lookup, values in lookups.items() if values})
    if filters.topic:
        tagged = model.objects.filter(topics__slug__in=filters.topic) | model.objects.filter(
            topics__parent__slug__in=filters.topic
        )
        queryset = queryset.filter(pk__in=tagged.values("pk"))
    if filters.audience:
        queryset = queryset.filter(
            pk__in=model.objects.filter(audiences__slug__in=filters.audience).values("pk")
        )
    if filters.created_after:
        queryset = queryset.filter(created_at__date__gte=filters.created_after)
    if filters.created_before:
        queryset = queryset.filter(created_at__date__lte=filters.created_before)
    if filters.updated_since:
        queryset = queryset.filter(updated_at__gt=filters.updated_since)
    return queryset


def text_search(kind: str, filters: AssetFilters, public_only: bool):
    """(ids in relevance order, total, next cursor) from the search interface."""
    facet_filters = {
        facet: getattr(filters, name)
        for name, facet in SEARCH_FACETS.items()
        if getattr(filters, name)
    }
    facet_filters["kind"] = [kind]
    results = queries.search(
        filters.q,
        filters=facet_filters,
        facets=False,
        size=filters.limit,
        cursor=filters.cursor,
        public_only=public_only,
    )
    ids = [split_key(hit.key)[1] for hit in results.hits]
    return ids, results.total, results.next_cursor
