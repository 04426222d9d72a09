"""Before the bytes: do identical bytes exist anywhere in the library?

Answers with the agencies that hold them, and only the assets the asker may see; nothing else of a
private asset (no title, no key) is revealed.
"""

from ..models import DocumentAsset, ImageAsset, MediaAsset
from ..visibility import visible_to

MODELS = {"image": ImageAsset, "document": DocumentAsset, "media": MediaAsset}


def holders_of(sha256: str, user) -> dict:
    held_by: set[str] = set()
    visible = []
    exists = False
    for asset_type, model in MODELS.items():
        same_bytes = model.objects.filter(content_sha256=sha256)
        exists = exists or same_bytes.exists()
        held_by.update(name for name in same_bytes.values_list("agency__name", flat=True) if name)
        for asset in visible_to(same_bytes, user).only("pk", "title"):
            visible.append({"type": asset_type, "id": asset.pk, "title": asset.title})
    return {"exists": exists, "held_by": sorted(held_by), "assets": visible}
