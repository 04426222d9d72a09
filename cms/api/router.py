from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .parameters import CheckedParametersMixin
from .views import (
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    PublicMediaAPIViewSet,
)


class CheckedPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("media", PublicMediaAPIViewSet)
