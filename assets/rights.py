"""Rights metadata: what every new upload starts with (its agency's defaults), and what an asset
must carry before it is published (a licence and a credit line; alt text for an image).

The one rule for every way of publishing: the admin forms, the multiple uploader and the API's
publish endpoint (which validates through the admin form) all reach it through
`AssetMetadata.clean`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.agencies.models import Agency

REQUIRED_MESSAGES = {
    "licence": _("Choose a licence before publishing: reusers must know what they may do."),
    "credit_line": _("Write a credit line before publishing: it is printed beside every reuse."),
    "alt_text": _("Describe the image for readers who cannot see it before publishing."),
}


def agency_defaults(collection_id) -> dict:
    """Asset field -> the default of the agency owning the collection (only those it set)."""
    if not collection_id:
        return {}
    agency = (
        Agency.objects.filter(collection_id=collection_id).select_related("default_licence").first()
    )
    if agency is None:
        return {}
    values = {
        "credit_line": agency.default_credit_line,
        "copyright_holder": agency.default_copyright_holder,
        "licence": agency.default_licence,
    }
    return {name: value for name, value in values.items() if value}


def apply_agency_defaults(asset) -> None:
    """Fill the credit line, copyright holder and licence the file did not bring from the
    defaults of the agency whose collection the asset is in."""
    for name, value in agency_defaults(asset.collection_id).items():
        if _is_blank(asset, name):
            setattr(asset, name, value)


def required_to_publish(model) -> tuple[str, ...]:
    """The fields a published asset of `model` must fill (alt text where the model has it)."""
    names = {field.name for field in model._meta.get_fields()}
    return tuple(name for name in REQUIRED_MESSAGES if name in names)


def missing_rights(asset) -> dict[str, str]:
    """Field name -> what to do, for each piece of rights metadata the asset still lacks."""
    return {
        name: REQUIRED_MESSAGES[name]
        for name in required_to_publish(type(asset))
        if _is_blank(asset, name)
    }


def check_publishable(asset) -> None:
    """ValidationError naming each missing field, when the asset is (to be) published."""
    problems = missing_rights(asset) if asset.is_published else {}
    if problems:
        raise ValidationError(problems)


def _is_blank(asset, name: str) -> bool:
    if name == "licence":
        return asset.licence_id is None
    value = getattr(asset, name)
    return value is None or (isinstance(value, str) and not value.strip())
