"""The admin's own JSON API (`/admin/api/main/pages|images|documents/`): Wagtail filters the asset
endpoints only by collection privacy; here they list and return only what the user may see, and
every endpoint checks its query parameters like the public API."""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from assets.visibility import visible_to

from .parameters import CheckedParametersMixin


class VisibleAssetsMixin(CheckedParametersMixin):
    def get_queryset(self):
        return visible_to(super().get_queryset(), self.request.user)


class VisibleImagesAdminAPIViewSet(VisibleAssetsMixin, ImagesAdminAPIViewSet):
    pass


class VisibleDocumentsAdminAPIViewSet(VisibleAssetsMixin, DocumentsAdminAPIViewSet):
    pass


class CheckedPagesAdminAPIViewSet(CheckedParametersMixin, PagesAdminAPIViewSet):
    pass


def register_checked_endpoints(router) -> None:
    router.register_endpoint("pages", CheckedPagesAdminAPIViewSet)
    router.register_endpoint("images", VisibleImagesAdminAPIViewSet)
    router.register_endpoint("documents", VisibleDocumentsAdminAPIViewSet)
