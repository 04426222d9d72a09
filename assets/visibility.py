"""Who may see an asset: the public sees published, unembargoed assets; an agency also its own."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from cms.agencies.access import collection_ids_of


def public_q() -> Q:
    not_embargoed = Q(embargo_until__isnull=True) | Q(embargo_until__lte=timezone.now())
    return Q(is_published=True) & not_embargoed


def public(queryset: QuerySet) -> QuerySet:
    return queryset.filter(public_q())


def visible_to(queryset: QuerySet, user) -> QuerySet:
    """Published assets of every agency, plus everything of the user's own agencies."""
    if user.is_authenticated and user.is_superuser:
        return queryset
    own = Q(collection_id__in=collection_ids_of(user)) if user.is_authenticated else Q(pk__in=[])
    return queryset.filter(public_q() | own)


def can_see(asset, user) -> bool:
    return visible_to(type(asset).objects.filter(pk=asset.pk), user).exists()
