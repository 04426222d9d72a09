"""Groups of assets that are one work: "new version of" decisions and exact copies join the
existing asset's group, whose canonical asset (the first one) is what the hub shows."""

from django.db.models import Count

from assets.kinds import asset_models
from search.keys import instance_for_key, key_for

from .enums import Relation
from .models import DuplicateGroup, DuplicateMember, FingerprintStatus


def join_group(canonical_key: str, asset, relation: str = Relation.COPY) -> DuplicateGroup:
    """Put `asset` in the group of `canonical_key` (creating it, canonical first)."""
    canonical_member = DuplicateMember.objects.filter(key=canonical_key).first()
    if canonical_member is None:
        group = DuplicateGroup.objects.create(canonical_key=canonical_key)
        canonical = instance_for_key(canonical_key)
        _add_member(group, canonical_key, canonical, Relation.ORIGINAL)
    else:
        group = canonical_member.group
    key = key_for(asset)
    existing = DuplicateMember.objects.filter(key=key).first()
    if existing is not None and existing.group_id != group.pk:
        _merge(existing.group, into=group)
    elif existing is None:
        _add_member(group, key, asset, relation)
    return group


def _add_member(group, key: str, instance, relation: str) -> None:
    DuplicateMember.objects.create(
        group=group,
        key=key,
        agency=getattr(instance, "agency", None),
        relation=relation,
        byte_size=getattr(instance, "byte_size", None),
    )


def _merge(group: DuplicateGroup, *, into: DuplicateGroup) -> None:
    group.members.update(group=into)
    DuplicateMember.objects.filter(key=group.canonical_key).update(relation=Relation.COPY)
    group.delete()


def group_of(key: str) -> DuplicateGroup | None:
    member = DuplicateMember.objects.select_related("group").filter(key=key).first()
    return member.group if member else None


def group_exact_copies() -> int:
    """Assets with the same bytes or the same content join the group of the oldest one."""
    joined = 0
    for keys in _keys_by_sha256() + _keys_by_content_hash():
        canonical, *copies = sorted(
            keys, key=lambda key: (key.split(":")[0], int(key.split(":")[1]))
        )
        for key in copies:
            copy = instance_for_key(key)
            if copy is not None and group_of(key) is None:
                join_group(canonical, copy)
                joined += 1
    return joined


def _keys_by_sha256() -> list[list[str]]:
    groups = []
    for model in asset_models():
        shared = (
            model.objects.exclude(content_sha256="")
            .values("content_sha256")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
        )
        for row in shared:
            assets = model.objects.filter(content_sha256=row["content_sha256"])
            groups.append([key_for(asset) for asset in assets.only("pk")])
    return groups


def _keys_by_content_hash() -> list[list[str]]:
    statuses = FingerprintStatus.objects.exclude(content_hash="")
    shared = statuses.values("content_hash").annotate(n=Count("pk")).filter(n__gt=1)
    return [
        list(statuses.filter(content_hash=row["content_hash"]).values_list("key", flat=True))
        for row in shared
    ]


def works_of(keys: list[str]) -> dict[str, str]:
    """The group of each grouped key, for answering each work once (search.work_groups)."""
    rows = DuplicateMember.objects.filter(key__in=keys).values_list("key", "group_id")
    return {key: f"group:{group_id}" for key, group_id in rows}


def groups_of(keys: list[str]) -> dict[str, dict]:
    """For each grouped key: its group's canonical key and every agency holding the work."""
    members = DuplicateMember.objects.filter(key__in=keys).select_related("group")
    group_ids = {member.group_id for member in members}
    agencies: dict[int, list[str]] = {}
    for member in DuplicateMember.objects.filter(group_id__in=group_ids).select_related("agency"):
        names = agencies.setdefault(member.group_id, [])
        if member.agency and member.agency.name not in names:
            names.append(member.agency.name)
    return {
        member.key: {"canonical": member.group.canonical_key, "agencies": agencies[member.group_id]}
        for member in members
    }


def credited_agencies(asset) -> list[str]:
    """Every agency holding the same work as `asset` (its own first), for the API and the hub."""
    key = key_for(asset)
    group = groups_of([key]).get(key)
    own = asset.agency.name if asset.agency else None
    names = group["agencies"] if group else []
    return ([own] if own else []) + [name for name in names if name != own]
