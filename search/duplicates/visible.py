"""Which matched items a reader may see: assets by the one visibility rule (`assets.visibility`),
articles when they are live; for one item, or for a set of index keys at once."""

from assets.kinds import kind_named
from assets.visibility import can_see, visible_to
from search.keys import model_for_kind, split_key


def visible(instance, user) -> bool:
    """Assets by the one visibility rule (`assets.visibility`); articles when they are live."""
    if hasattr(instance, "is_published"):
        return can_see(instance, user)
    return instance.live or (user.is_authenticated and user.is_superuser)


def visible_keys(keys, user) -> set[str]:
    """Which of these keys name something `user` may see (one query per kind)."""
    by_kind: dict[str, list[int]] = {}
    for key in keys:
        kind, pk = split_key(key)
        by_kind.setdefault(kind, []).append(pk)
    seen = set()
    for kind, pks in by_kind.items():
        found = model_for_kind(kind).objects.filter(pk__in=pks)
        if kind_named(kind) is not None:
            found = visible_to(found, user)
        elif not (user.is_authenticated and user.is_superuser):
            found = found.filter(live=True)
        seen.update(f"{kind}:{pk}" for pk in found.values_list("pk", flat=True))
    return seen
