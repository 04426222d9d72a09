"""Who may see an asset: the public sees published, unembargoed assets; an agency also its own;
an API consumer named as an embargo partner also the published, still embargoed assets of the
agencies that named it (never an unpublished one)."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone

from cms.agencies.access import collection_ids_of


def public_q() -> Q:
    not_embargoed = Q(embargo_until__isnull=True) | Q(embargo_until__lte=timezone.now())
    return Q(is_published=True) & not_embargoed


def public(queryset: QuerySet) -> QuerySet:
    return queryset.filter(public_q())


def visible_to(queryset: QuerySet, user, embargo_agency_ids: Iterable[int] = ()) -> QuerySet:
    """Published assets of every agency, plus everything of the user's own agencies, plus the
    embargoed published assets of `embargo_agency_ids` (an API consumer's embargoed-read scope)."""
    if user.is_authenticated and user.is_superuser:
        return queryset
    own = Q(collection_id__in=collection_ids_of(user)) if user.is_authenticated else Q(pk__in=[])
    partner = Q(is_published=True, agency_id__in=list(embargo_agency_ids))
    return queryset.filter(public_q() | own | partner)


def can_see(asset, user, embargo_agency_ids: Iterable[int] = ()) -> bool:
    visible = visible_to(type(asset).objects.filter(pk=asset.pk), user, embargo_agency_ids)
    return visible.exists()
