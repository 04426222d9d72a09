"""Absolute URLs for a page of representations, built from templates reversed once: a list page
names hundreds of URLs, and `reverse` plus host validation per URL would cost more than the
database work of the whole page."""

from functools import lru_cache
from urllib.parse import quote

from django.urls import NoReverseMatch, reverse
from django.utils.http import RFC3986_SUBDELIMS

MARK = "0000000000"
SAFE = RFC3986_SUBDELIMS + "/~:@"


@lru_cache(maxsize=64)
def template(url_name: str, arity: int) -> str | None:
    """The path of `url_name` with `{0}`, `{1}`… where its arguments go; None if no such route."""
    marks = [f"{MARK}{index}" for index in range(arity)]
    try:
        path = reverse(url_name, args=marks)
    except NoReverseMatch:
        return None
    for index, mark in enumerate(marks):
        path = path.replace(mark, f"{{{index}}}")
    return path


class UrlMaker:
    def __init__(self, request):
        self.origin = request.build_absolute_uri("/").rstrip("/")

    def path(self, url_name: str, *args) -> str | None:
        shape = template(url_name, len(args))
        if shape is None:
            return None
        return self.origin + shape.format(*(quote(str(arg), safe=SAFE) for arg in args))


def url_maker(request) -> UrlMaker:
    maker = getattr(request, "_api_url_maker", None)
    if maker is None:
        maker = request._api_url_maker = UrlMaker(request)
    return maker
