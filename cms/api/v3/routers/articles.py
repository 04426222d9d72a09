"""Published articles of every agency section."""

from datetime import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import http_date
from ninja import Query, Router
from pydantic import Field

from cms.pages.models import ArticlePage as Article

from ...formats.ninjs import article_ninjs
from .. import auth, pagination
from ..errors import ERROR_RESPONSES
from ..params import AssetSort, ItemId, PageParams, only
from ..representations.articles import represent_article, with_article_related
from ..schemas.articles import ArticleOut, ArticlePage

router = Router(tags=["articles"])


class ArticleFilters(PageParams):
    topic: list[str] = Field([], description="Topic slug")
    agency: list[str] = Field([], description="Agency code")
    campaign: list[str] = Field([], description="Campaign slug")
    language: list[str] = Field([], description="vi, en…")
    updated_since: datetime | None = Field(None, description="ISO 8601: published or changed since")
    sort: AssetSort = AssetSort.NEWEST
    full: bool = Field(False, description="Include the body in the list / Kèm nội dung")


def public_articles():
    return Article.objects.live().public()


def filter_articles(queryset, filters: ArticleFilters):
    lookups = {
        "topics__slug__in": filters.topic,
        "agency__code__in": filters.agency,
        "campaign__slug__in": filters.campaign,
        "language__in": filters.language,
    }
    for lookup, values in lookups.items():
        if values:
            queryset = queryset.filter(
                pk__in=Article.objects.filter(**{lookup: values}).values("pk")
            )
    if filters.updated_since:
        queryset = queryset.filter(last_published_at__gt=filters.updated_since)
    return queryset


@router.get(
    "/",
    response={200: ArticlePage, **ERROR_RESPONSES},
    url_name="article_list",
    operation_id="article_list",
    summary=("List articles / Danh sách bài viết"),
    auth=auth.READ,
)
@only(ArticleFilters)
def list_articles(request: HttpRequest, filters: ArticleFilters = Query(...)):
    queryset = filter_articles(public_articles(), filters)
    total = queryset.count() if not filters.cursor else None
    items, next_cursor = pagination.page(
        with_article_related(queryset),
        filters.sort,
        filters.cursor,
        filters.limit,
        pagination.ARTICLE_SORT_FIELDS,
    )
    next_url = None
    if next_cursor:
        params = request.GET.copy()
        params["cursor"] = next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
    return {
        "meta": {
            "total": total,
            "limit": filters.limit,
            "next_cursor": next_cursor,
            "next": next_url,
        },
        "items": [represent_article(request, page, full=filters.full) for page in items],
    }


@router.get(
    "/{article_id}/",
    response={200: ArticleOut, **ERROR_RESPONSES},
    url_name="article_detail",
    operation_id="article_detail",
    summary=("One article / Một bài viết"),
    auth=auth.READ,
)
@only()
def article_detail(request: HttpRequest, article_id: ItemId, response: HttpResponse):
    page = with_article_related(public_articles().filter(pk=article_id)).first()
    if page is None:
        raise Http404
    if page.last_published_at:
        response["Last-Modified"] = http_date(page.last_published_at.timestamp())
    return represent_article(request, page)


@router.get(
    "/{article_id}/ninjs/",
    response={200: dict, **ERROR_RESPONSES},
    url_name="article_ninjs",
    operation_id="article_ninjs",
    summary="One article as IPTC ninjs 2.x / Một bài viết theo chuẩn ninjs",
    auth=auth.READ,
)
@only()
def article_as_ninjs(request: HttpRequest, article_id: ItemId):
    page = with_article_related(public_articles().filter(pk=article_id)).first()
    if page is None:
        raise Http404
    return article_ninjs(represent_article(request, page))
