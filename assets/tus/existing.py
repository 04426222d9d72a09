"""Before the bytes: do identical bytes exist anywhere in the library?

Answers with the agencies that hold them, and only the assets the asker may see; nothing else of a
private asset (no title, no key) is revealed.
"""

from ..kinds import ASSET_KINDS
from ..visibility import visible_to


def holders_of(sha256: str, user) -> dict:
    held_by: set[str] = set()
    visible = []
    exists = False
    for kind in ASSET_KINDS:
        same_bytes = kind.model.objects.filter(content_sha256=sha256)
        exists = exists or same_bytes.exists()
        held_by.update(name for name in same_bytes.values_list("agency__name", flat=True) if name)
        for asset in visible_to(same_bytes, user).only("pk", "title"):
            visible.append({"type": kind.name, "id": asset.pk, "title": asset.title})
    return {"exists": exists, "held_by": sorted(held_by), "assets": visible}
