"""One work, one row: assets that duplicate groups join are shown once, as the best-ranked member
among the hits, crediting every agency whose copy the public may see. A member is never dropped
because another member (the group's canonical asset, say) is missing from the hits, unpublished
or filtered out."""

from collections import defaultdict

from assets.kinds import kind_named
from assets.visibility import public
from search.duplicates.models import DuplicateMember
from search.keys import split_key


def _public_keys(keys: set[str]) -> set[str]:
    by_kind: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        kind, pk = split_key(key)
        if kind_named(kind) is not None:
            by_kind[kind].append(pk)
    visible = set()
    for kind, pks in by_kind.items():
        found = public(kind_named(kind).model.objects.filter(pk__in=pks))
        visible.update(f"{kind}:{pk}" for pk in found.values_list("pk", flat=True))
    return visible


def group_members(keys: list[str]) -> tuple[dict[str, int], dict[int, list]]:
    """(group id of each grouped key, public members of each group as (key, agency), the
    group's canonical member first)."""
    group_of = dict(DuplicateMember.objects.filter(key__in=keys).values_list("key", "group_id"))
    members = DuplicateMember.objects.filter(group_id__in=set(group_of.values()))
    members = sorted(
        members.select_related("agency", "group"),
        key=lambda member: (member.key != member.group.canonical_key, member.pk),
    )
    visible = _public_keys({member.key for member in members})
    by_group: dict[int, list] = defaultdict(list)
    for member in members:
        if member.key in visible:
            by_group[member.group_id].append((member.key, member.agency))
    return group_of, by_group


def collapse(
    keys: list[str], prefer_canonical: bool = False, groups: tuple | None = None
) -> list[tuple[str, list]]:
    """(key, agencies credited) for each work, in the order of `keys`. A work is shown by its
    first key in `keys`, or (`prefer_canonical`, for lists that are not search results) by its
    group's canonical asset when the public may see it. `groups`: group_members of a set of
    keys holding these, when several lists are collapsed at once."""
    group_of, by_group = groups if groups is not None else group_members(keys)
    shown_groups, rows = set(), []
    for key in keys:
        group = group_of.get(key)
        if group is None:
            rows.append((key, []))
        elif group not in shown_groups:
            shown_groups.add(group)
            members = by_group[group]
            agencies = [agency for _key, agency in members if agency is not None]
            shown = members[0][0] if prefer_canonical and members else key
            rows.append((shown, list(dict.fromkeys(agencies))))
    return rows


def same_work(key: str) -> list[tuple[str, object]]:
    """The other public members of `key`'s group, with their agencies (for an asset page)."""
    group_of, by_group = group_members([key])
    group = group_of.get(key)
    return [(other, agency) for other, agency in by_group.get(group, []) if other != key]
