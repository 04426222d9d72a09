"""The library's headless API, version 3: django-ninja as Wagtail 8's API v3 uses it (Wagtail's
bearer `APIToken`s, problem-document errors, the `/schema/` content-type registry), with our own
routers instead of Wagtail's stock image/document/media ones, which ignore publication.

Served at /api/v3/: the OpenAPI document at /api/v3/openapi.json and the interactive page at
/api/v3/docs/ (Swagger UI from django-ninja's own static files, nothing from a CDN).
"""

from ninja import NinjaAPI, Swagger
from wagtail.api.v3.routers.schema import router as schema_router

from assets.kinds import ASSET_KINDS

from . import errors
from .routers import articles, assets, changes, search, taxonomy

# Bilingual on purpose: the page is read by newsrooms in Vietnam and abroad.
DESCRIPTION = (
    "Kho tài nguyên truyền thông số — API cho cơ quan báo chí và cổng thông tin.\n\n"
    "National digital communication resource library — the API for press agencies and "
    "portals. Every item comes with its licence, a ready-to-paste credit line and the URLs of its "
    "renditions. Without a token you read public items at a lower rate; a consumer's token "
    "(`Authorization: Bearer wagtail_…`) gets its own limit and scopes. Errors are problem "
    "documents (RFC 9457). Pages are walked with `meta.next` (cursor pagination)."
)


class LibraryAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        _errors_as_problem_documents(schema)
        return schema


def _errors_as_problem_documents(schema: dict) -> None:
    """Error answers are `application/problem+json`, as they are served."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, answer in operation.get("responses", {}).items():
                content = answer.get("content", {})
                if str(status)[0] in "45" and "application/json" in content:
                    content["application/problem+json"] = content.pop("application/json")


api = LibraryAPI(
    title="Kho tài nguyên truyền thông số / Resource library API",
    version="3.0.0",
    description=DESCRIPTION,
    urls_namespace="api_v3",
    openapi_url="/openapi.json",
    docs=Swagger(settings={"persistAuthorization": True, "tryItOutEnabled": True}),
    docs_url="/docs/",
)
errors.register(api)

for kind in ASSET_KINDS:
    api.add_router(f"/{kind.api_endpoint}/", assets.build_router(kind.name))
api.add_router("/articles/", articles.router)
api.add_router("/", taxonomy.router)
api.add_router("/", search.router)
api.add_router("/", changes.router)
api.add_router("/schema/", schema_router)
