"""Find the assets a stored file belongs to, so that serving it can check who may see it.

Originals are content-addressed and renditions are keyed by the original's SHA-256, so one stored
file may belong to several agencies' assets: it may be served if any of them is visible.
"""

from django.db.models import Q, QuerySet

from .kinds import asset_models
from .models import DocumentAsset, ImageAsset, MediaAsset
from .visibility import visible_to

RENDITIONS_PREFIX = "renditions/"


def owners_of_stored_file(name: str) -> list[QuerySet]:
    if name.startswith(RENDITIONS_PREFIX):
        sha256 = name[len(RENDITIONS_PREFIX) :].split("/", 1)[0]
        return [model.objects.filter(content_sha256=sha256) for model in asset_models()]
    return [
        ImageAsset.objects.filter(Q(file=name) | Q(renditions__file=name)),
        DocumentAsset.objects.filter(file=name),
        MediaAsset.objects.filter(Q(file=name) | Q(thumbnail=name)),
    ]


def visible_owner_of_stored_file(name: str, user):
    """A public owner if there is one, else one the user may see, else None."""
    visible = [visible_to(owners, user).distinct() for owners in owners_of_stored_file(name)]
    for queryset in visible:
        public = next((asset for asset in queryset if asset.is_public), None)
        if public is not None:
            return public
    return next((queryset.first() for queryset in visible if queryset.exists()), None)


def withdrawn_owner_of_stored_file(name: str):
    """An asset holding this file that was withdrawn after it was public, or None."""
    for owners in owners_of_stored_file(name):
        withdrawn = owners.filter(is_published=False, withdrawn_at__isnull=False).first()
        if withdrawn is not None:
            return withdrawn
    return None
