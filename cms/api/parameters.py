"""Guards for the query parameters Wagtail's API v2 passes on unchecked.

Wagtail parses `offset` with int() (a 30-digit offset overflows the database: 500) and hands
`search_operator` to the search backend, which raises ValueError for anything but "and"/"or"
(500). Here both answer 400 with Wagtail's own error shape.
"""

from wagtail.api.v2.utils import BadRequestError

MAX_OFFSET = 1_000_000  # deeper than any listing is paged; databases store 64-bit integers
SEARCH_OPERATORS = ("and", "or")


def check_paging_parameters(params) -> None:
    offset = params.get("offset")
    if offset is not None and (not offset.isascii() or not offset.isdigit()):
        raise BadRequestError("offset must be a positive integer")
    if offset is not None and int(offset) > MAX_OFFSET:
        raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
    operator = params.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")


class CheckedParametersMixin:
    def check_query_parameters(self, queryset):
        check_paging_parameters(self.request.GET)
        return super().check_query_parameters(queryset)
