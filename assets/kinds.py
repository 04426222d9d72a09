"""The kinds of asset the library holds, in one place: their model, the upload families each
accepts, their admin URL names and their API endpoint.

Code that needs "every asset model" or "the edit page of an image" asks here, so a fourth kind
would be added once. Models are named by label and resolved when asked for, so this module can be
imported before the app registry is ready (the models themselves read their upload families here).
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class AssetKind:
    name: str  # the kind in index keys ("image:12") and URLs
    model_label: str
    upload_families: tuple[str, ...]  # what `assets.validation` may accept for this kind
    admin_namespace: str  # Wagtail's URL namespace: "<namespace>:index", ":edit", ":delete"
    api_endpoint: str  # the endpoint name in the headless API (v2 router)

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def admin_url_name(self, action: str) -> str:
        return f"{self.admin_namespace}:{action}"

    @property
    def library_url_name(self) -> str:
        """The admin's read-only page of an asset, for editors of any agency who may see it."""
        return f"library_{self.name}"


IMAGE = AssetKind("image", "assets.ImageAsset", ("image", "svg"), "wagtailimages", "images")
DOCUMENT = AssetKind("document", "assets.DocumentAsset", ("document",), "wagtaildocs", "documents")
MEDIA = AssetKind("media", "assets.MediaAsset", ("video", "audio"), "wagtailmedia", "media")
ASSET_KINDS = (IMAGE, DOCUMENT, MEDIA)
KINDS_BY_NAME = {kind.name: kind for kind in ASSET_KINDS}
ALL_FAMILIES = tuple(family for kind in ASSET_KINDS for family in kind.upload_families)


def asset_models() -> list[type[models.Model]]:
    return [kind.model for kind in ASSET_KINDS]


def kind_named(name: str) -> AssetKind | None:
    return KINDS_BY_NAME.get(name)


def kind_of_model(model: type[models.Model]) -> AssetKind | None:
    label = model._meta.label
    return next((kind for kind in ASSET_KINDS if kind.model_label == label), None)


def kind_for_family(family: str) -> AssetKind:
    """The kind that stores files of an upload family ("video" -> media); LookupError if none."""
    for kind in ASSET_KINDS:
        if family in kind.upload_families:
            return kind
    raise LookupError(family)
