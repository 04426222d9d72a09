"""Items whose duplicate check failed (or still runs), for the duplicates report and the asset
listings: figures for the whole library, the items themselves only as a reader may see them."""

from django.db.models import Count
from django.utils import timezone

from cms.agencies.access import agencies_of
from search.keys import instance_for_key

from .disclosure import admin_url
from .enums import CheckState
from .models import FingerprintStatus
from .tasks import enqueue_fingerprinting
from .visible import visible_keys

MAX_LISTED = 200


def check_figures() -> dict[str, int]:
    """How many items are in each check state, library-wide."""
    counted = FingerprintStatus.objects.values_list("state").annotate(n=Count("pk")).order_by()
    return {state: 0 for state in CheckState.values} | dict(counted)


def states_of(keys) -> dict[str, str]:
    """The check state of each of these index keys that has one."""
    return dict(FingerprintStatus.objects.filter(key__in=list(keys)).values_list("key", "state"))


def unchecked_items(user) -> list[dict]:
    """The items `user` may see whose check failed, most recent first; what went wrong and the
    button to check again only for the agency holding the item (and administrators)."""
    statuses = FingerprintStatus.objects.filter(state=CheckState.NOT_CHECKED)
    statuses = list(statuses.order_by("-changed_at")[:MAX_LISTED])
    seen = visible_keys([status.key for status in statuses], user)
    listed = []
    for status in statuses:
        instance = instance_for_key(status.key) if status.key in seen else None
        if instance is not None:
            own = holds(instance, user)
            listed.append({"status": status, "instance": instance, "own": own,
                           "admin_url": admin_url(status.key)})  # fmt: skip
    return listed


def holds(instance, user) -> bool:
    """The item belongs to one of `user`'s agencies (or `user` administers the library)."""
    if user.is_superuser:
        return True
    return getattr(instance, "agency_id", None) in {agency.pk for agency in agencies_of(user)}


def check_again(key: str, user) -> bool:
    """Queue the background check of an item of `user`'s agency now (its attempts start again);
    False for anyone else's item, an unknown key, or an item whose check did not fail."""
    failed = FingerprintStatus.objects.filter(key=key, state=CheckState.NOT_CHECKED)
    instance = instance_for_key(key) if failed.exists() else None
    if instance is None or not holds(instance, user):
        return False
    failed.update(state=CheckState.CHECKING, attempts=0, changed_at=timezone.now())
    enqueue_fingerprinting(key)
    return True
