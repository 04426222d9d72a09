"""Who may look at an asset's jobs (whoever may see the asset) and retry them (its editors)."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from assets.visibility import is_asset_model, visible_to
from cms.agencies.access import collection_ids_of


def visible_asset(user, app_label: str, model_name: str, pk: int):
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist as missing:
        raise Http404 from missing
    if model is None or not is_asset_model(model):
        raise Http404  # a user, a page: whatever it is, it has no transcoding jobs
    asset = visible_to(model.objects.filter(pk=pk), user).first()
    if asset is None:
        raise Http404
    return asset


def may_change(user, asset) -> bool:
    return user.is_superuser or asset.collection_id in collection_ids_of(user)
