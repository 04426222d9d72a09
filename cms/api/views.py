"""Read-only API endpoints: only published, unembargoed assets, whoever asks."""

from rest_framework.fields import Field
from wagtail.api.conf import APIField
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtailmedia.api.views import MediaAPIViewSet

from assets.visibility import public
from search.duplicates.groups import credited_agencies

from .parameters import CheckedParametersMixin


class CreditedAgenciesField(Field):
    """The asset's agency and every other agency holding the same work (duplicate group)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, asset) -> list[str]:
        return credited_agencies(asset)


ASSET_BODY_FIELDS = [
    "kind",
    "description",
    "title_en",
    "description_en",
    "language",
    "creator",
    "credit_line",
    "copyright_holder",
    "source_url",
    "content_sha256",
    "byte_size",
    APIField("credited_agencies", serializer=CreditedAgenciesField()),
]


class PublicAssetsMixin(CheckedParametersMixin):
    body_fields = ASSET_BODY_FIELDS
    listing_default_fields = ["kind", "creator", "credit_line"]

    def get_queryset(self):
        return public(super().get_queryset())

    @classmethod
    def extend(cls, parent: type[BaseAPIViewSet], name: str) -> type[BaseAPIViewSet]:
        """A public variant of one of Wagtail's asset endpoints, with our metadata fields."""
        return type(
            name,
            (cls, parent),
            {
                "body_fields": parent.body_fields + ASSET_BODY_FIELDS,
                "listing_default_fields": parent.listing_default_fields
                + cls.listing_default_fields,
            },
        )


PublicImagesAPIViewSet = PublicAssetsMixin.extend(ImagesAPIViewSet, "PublicImagesAPIViewSet")
PublicDocumentsAPIViewSet = PublicAssetsMixin.extend(
    DocumentsAPIViewSet, "PublicDocumentsAPIViewSet"
)
PublicMediaAPIViewSet = PublicAssetsMixin.extend(MediaAPIViewSet, "PublicMediaAPIViewSet")
