"""Which agencies a user belongs to, read from the agency groups they are in."""

from django.db.models import Q

from .models import Agency


def agencies_of(user) -> list[Agency]:
    if not user.is_authenticated:
        return []
    group_ids = user.groups.values_list("id", flat=True)
    return list(
        Agency.objects.filter(Q(editors__in=group_ids) | Q(moderators__in=group_ids)).distinct()
    )


def collection_ids_of(user) -> list[int]:
    return [agency.collection_id for agency in agencies_of(user) if agency.collection_id]
