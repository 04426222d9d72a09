"""The admin's own JSON API (`/admin/api/main/images/`, `.../documents/`), which Wagtail filters
only by collection privacy: here it lists and returns only what the user may see."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .visibility import visible_to


class VisibleAssetsMixin:
    def get_queryset(self):
        return visible_to(super().get_queryset(), self.request.user)


class VisibleImagesAdminAPIViewSet(VisibleAssetsMixin, ImagesAdminAPIViewSet):
    pass


class VisibleDocumentsAdminAPIViewSet(VisibleAssetsMixin, DocumentsAdminAPIViewSet):
    pass


def register_visible_endpoints(router) -> None:
    router.register_endpoint("images", VisibleImagesAdminAPIViewSet)
    router.register_endpoint("documents", VisibleDocumentsAdminAPIViewSet)
