"""Wagtail's own search backend (admin lists, choosers, API v2 `?search=`), folded for assets.

Wagtail's database backend matches words as typed, so "chuyen doi so" found nothing where
"chuyển đổi số" did. For the three asset models a search asks the library's index first
(`search.queries`: folded Vietnamese, on the database or Elasticsearch, whichever answers), then
Wagtail's backend (partial words, tags), and keeps only what the queryset Wagtail passes holds:
the permission and visibility filtering stays where it was. Every other model, every search
restricted to named fields and every index write goes to Wagtail's database backend unchanged.
"""

from django.db.models import Case, IntegerField, QuerySet, Value, When
from wagtail.search.backends import database

from assets.kinds import kind_of_model

from . import queries
from .keys import split_key

MAX_ASSET_RESULTS = 100  # the best matches an admin search shows (the index pages at 100)


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    return FoldedAssetSearch(database.SearchBackend(params))


class FoldedAssetSearch:
    def __init__(self, inner) -> None:
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def search(self, query, model_or_queryset, fields=None, operator=None, **options):
        return self._answer("search", query, model_or_queryset, fields, operator, options)

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, **options):
        return self._answer("autocomplete", query, model_or_queryset, fields, operator, options)

    def _answer(self, method, query, model_or_queryset, fields, operator, options):
        ask_inner = getattr(self._inner, method)
        queryset = _as_queryset(model_or_queryset)
        kind = kind_of_model(queryset.model)
        if kind is None or fields or not isinstance(query, str) or not query.strip():
            return ask_inner(query, model_or_queryset, fields=fields, operator=operator, **options)
        ids = _folded_matches(query, kind.name)
        # The whole model: the queryset's own filters (visibility) apply below, whatever they use.
        inner = ask_inner(query, queryset.model, operator=operator, **options)[:MAX_ASSET_RESULTS]
        ids += [item.pk for item in inner if item.pk not in ids]
        found = queryset.filter(pk__in=ids[:MAX_ASSET_RESULTS])
        if not options.get("order_by_relevance", True):
            return found
        rank = Case(
            *[When(pk=pk, then=Value(place)) for place, pk in enumerate(ids)],
            output_field=IntegerField(),
        )
        return found.order_by(rank)


def _as_queryset(model_or_queryset) -> QuerySet:
    if isinstance(model_or_queryset, QuerySet):
        return model_or_queryset
    return model_or_queryset._default_manager.all()


def _folded_matches(query: str, kind: str) -> list[int]:
    """Ids of the assets of `kind` the index finds for `query`, published or not, best first."""
    results = queries.search(
        query, filters={"kind": [kind]}, facets=False, size=MAX_ASSET_RESULTS, public_only=False
    )
    return [split_key(hit.key)[1] for hit in results.hits]
