"""Guards for the query parameters Wagtail's API v2 passes on unchecked.

Wagtail parses `offset` with int() (a 30-digit offset overflows the database: 500), looks objects
up by `?id=` in its find view without parsing it (`1e20`: 500), turns integer field filters into
numbers no database holds, and hands `search_operator` and any text (NUL characters included,
which PostgreSQL refuses) to the search backend. Here each answers 400 with Wagtail's own error
shape before the view runs.
"""

import re

from django.db import models
from wagtail.api.v2.utils import BadRequestError

MAX_OFFSET = 1_000_000  # deeper than any listing is paged
SEARCH_OPERATORS = ("and", "or")
TREE_PARAMETERS = ("id", "child_of", "descendant_of", "ancestor_of", "translation_of")
_INTEGER = re.compile(r"-?\d{1,18}")  # within the 64-bit integers every database stores
_INTEGER_FIELDS = (models.IntegerField, models.AutoField, models.ForeignKey)


def check_paging_parameters(params) -> None:
    offset = params.get("offset")
    if offset is not None and not (offset.isascii() and offset.isdigit()):
        raise BadRequestError("offset must be a positive integer")
    if offset is not None and int(offset) > MAX_OFFSET:
        raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
    operator = params.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")


def check_text_parameters(params) -> None:
    for name, values in params.lists():
        if any("\x00" in value for value in values) or "\x00" in name:
            raise BadRequestError(f"{name!r} must not contain null characters")


def check_integer_parameters(params, model) -> None:
    names = set(TREE_PARAMETERS)
    names.update(
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, _INTEGER_FIELDS) and not field.many_to_many
    )
    for name in names & set(params):
        if not _INTEGER.fullmatch(params[name].strip()):
            raise BadRequestError(f"{name} must be an integer")


def check_query(params, model) -> None:
    check_text_parameters(params)
    check_paging_parameters(params)
    check_integer_parameters(params, model)


class CheckedParametersMixin:
    def listing_view(self, request):
        check_query(request.GET, self.model)
        return super().listing_view(request)

    def find_view(self, request):
        check_query(request.GET, self.model)
        return super().find_view(request)
