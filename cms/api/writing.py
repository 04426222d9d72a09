"""Writing through the API for an agency's own integration: metadata changes and publication go
through the admin's own form for the model (its validation, the upload checks, the duplicate
hooks) and Wagtail's permission policy, as the token's user; nothing the admin would refuse is
accepted here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import get_document_form
from wagtail.images.forms import get_image_form
from wagtail.permissions import policy_registry
from wagtailmedia.forms import get_media_form

from cms.taxonomy.models import Audience, Campaign, LegalDocument, Licence, Topic

FORMS = {"image": get_image_form, "document": get_document_form, "media": get_media_form}
# Patch field -> (form field, model whose natural key the API uses, that key).
RELATIONS = {
    "licence": ("licence", Licence, "code"),
    "campaign": ("campaign", Campaign, "slug"),
    "topics": ("topics", Topic, "slug"),
    "audiences": ("audiences", Audience, "slug"),
    "legal_documents": ("legal_documents", LegalDocument, "number"),
}


def require_change(user, asset, agency_id) -> None:
    """The token's user may change this asset in the admin, and it is its consumer's agency's."""
    policy = policy_registry.get_by_type(type(asset))
    if asset.agency_id != agency_id or not policy.user_has_permission_for_instance(
        user, "change", asset
    ):
        raise PermissionDenied(_("This integration may not change this item."))


def _current_data(form) -> dict:
    """What the admin's edit form would post back unchanged."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "file" or value in (None, False):
            continue
        if name == "tags":
            value = ", ".join(tag.name for tag in form.instance.tags.all())
        data[name] = value
    return data


def _resolve(name: str, value):
    field, model, key = RELATIONS[name]
    if value is None:
        return field, None
    values = value if isinstance(value, list) else [value]
    found = dict(model.objects.filter(**{f"{key}__in": values}).values_list(key, "pk"))
    missing = [item for item in values if item not in found]
    if missing:
        raise ValidationError(
            _("Unknown %(field)s: %(values)s") % {"field": name, "values": ", ".join(missing)}
        )
    pks = [found[item] for item in values]
    return field, pks if isinstance(value, list) else pks[0]


def update_asset(kind: str, asset, changes: dict, user):
    """Apply `changes` (API names, natural keys) through the admin form; returns the asset or
    raises ValidationError with the form's messages."""
    form_class = FORMS[kind](type(asset))
    data = _current_data(form_class(instance=asset, user=user))
    for name, value in changes.items():
        if name in RELATIONS:
            field, value = _resolve(name, value)
            name = field
        if value is None or value is False:
            data.pop(name, None)
        else:
            data[name] = value
    form = form_class(data, {}, instance=asset, user=user)
    if not form.is_valid():
        raise ValidationError(
            [
                f"{field}: {message}"
                for field, messages in form.errors.items()
                for message in messages
            ]
        )
    return form.save()


def may_publish(user, asset) -> bool:
    """Publishing is for the owning agency's moderators (as in the admin), or a superuser."""
    if user.is_superuser:
        return True
    agency = asset.agency
    return bool(agency and agency.moderators_id in user.groups.values_list("id", flat=True))
