"""Index keys ("image:12") and the models they name."""

from django.apps import apps
from django.db import models

from assets.kinds import ASSET_KINDS

# Index kind -> "app_label.ModelName"; the order is the order of a full rebuild.
INDEXED_MODELS = {
    **{kind.name: kind.model_label for kind in ASSET_KINDS},
    "article": "pages.ArticlePage",
    "hub": "pages.AgencySectionPage",
}


def model_for_kind(kind: str) -> type[models.Model]:
    return apps.get_model(INDEXED_MODELS[kind])


def kind_for_model(model: type[models.Model]) -> str | None:
    label = model._meta.label
    return next((kind for kind, name in INDEXED_MODELS.items() if name == label), None)


def key_for(instance: models.Model) -> str:
    return f"{kind_for_model(type(instance))}:{instance.pk}"


def split_key(key: str) -> tuple[str, int]:
    kind, _sep, pk = key.partition(":")
    return kind, int(pk)


def instance_for_key(key: str) -> models.Model | None:
    kind, pk = split_key(key)
    return model_for_kind(kind).objects.filter(pk=pk).first()


def key_for_parts(app_label: str, model_name: str, pk: int) -> str:
    return f"{kind_for_model(apps.get_model(app_label, model_name))}:{pk}"
