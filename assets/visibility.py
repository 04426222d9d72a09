"""Who may see an asset: the public sees published, unembargoed assets; an agency also its own;
an API consumer named as an embargo partner also the published, still embargoed assets of the
agencies listed for it (never an unpublished one).

The one rule every door applies (files, image renditions, choosers, usage pages, the API, search).
It knows asset models and Wagtail pages (live pages, plus the drafts a user may work on); any
other model shows nothing, so a door that passes the wrong kind of object leaks nothing.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, TaskState
from wagtail.permissions import page_permission_policy

from cms.agencies.access import collection_ids_of

from .models.metadata import AssetMetadata


def public_q() -> Q:
    not_embargoed = Q(embargo_until__isnull=True) | Q(embargo_until__lte=timezone.now())
    return Q(is_published=True) & not_embargoed


def public(queryset: QuerySet) -> QuerySet:
    return queryset.filter(public_q())


def is_asset_model(model) -> bool:
    return issubclass(model, AssetMetadata)


def visible_to(queryset: QuerySet, user, embargo_agency_ids: Iterable[int] = ()) -> QuerySet:
    """Published assets of every agency, plus everything of the user's own agencies, plus the
    embargoed published assets of `embargo_agency_ids` (an API consumer's embargoed-read scope)."""
    if issubclass(queryset.model, Page):
        return _pages_visible_to(queryset, user)
    if not is_asset_model(queryset.model):
        return queryset.none()
    if user.is_authenticated and user.is_superuser:
        return queryset
    own = Q(collection_id__in=collection_ids_of(user)) if user.is_authenticated else Q(pk__in=[])
    partner = Q(is_published=True, agency_id__in=list(embargo_agency_ids))
    return queryset.filter(public_q() | own | partner)


def can_see(asset, user, embargo_agency_ids: Iterable[int] = ()) -> bool:
    visible = visible_to(type(asset).objects.filter(pk=asset.pk), user, embargo_agency_ids)
    return visible.exists()


def _pages_visible_to(pages: QuerySet, user) -> QuerySet:
    """Live pages, plus the pages (drafts too) a user may explore in the admin or must review."""
    if not user.is_authenticated:
        return pages.filter(live=True)
    if user.is_superuser:
        return pages
    explorable = page_permission_policy.explorable_instances(user)
    return pages.filter(
        Q(live=True) | Q(pk__in=explorable.values("pk")) | Q(pk__in=_pages_to_review(user))
    )


def _pages_to_review(user) -> list[int]:
    """Pages in a workflow task the user moderates (a reviewing group may own no page)."""
    object_ids = TaskState.objects.reviewable_by(user).values_list(
        "workflow_state__object_id", flat=True
    )
    return [int(pk) for pk in object_ids if str(pk).isdigit()]
