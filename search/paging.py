"""The paging parameters of a search request (`page`, `size`, `cursor`) and its text, checked.

A bad value gets a clear refusal naming the parameter instead of a guess or a 500: a page number
deeper than MAX_RESULTS hits (Elasticsearch refuses to page further; the database would scan
that far), a size outside 1..MAX_PAGE_SIZE, or a cursor this library did not make.
"""

from django.utils.translation import gettext_lazy as _

from .cursor import decode_cursor

MAX_PAGE_SIZE = 100
MAX_AUTOCOMPLETE_SIZE = 50
MAX_RESULTS = 10_000


class BadParameter(ValueError):
    def __init__(self, parameter: str, message):
        super().__init__(str(message))
        self.parameter = parameter
        self.message = message


def check_text(params) -> None:
    """No NUL characters anywhere: PostgreSQL refuses them in a query (a 500 otherwise)."""
    for name, values in params.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadParameter(
                name.replace("\x00", ""),
                _("“%(name)s” must not contain NUL characters.")
                % {"name": name.replace("\x00", "")},
            )


def whole_number(params, name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise BadParameter(
            name,
            _("“%(name)s” must be a whole number from %(low)s to %(high)s.")
            % {"name": name, "low": low, "high": high},
        )
    return int(raw)


def page_and_size(params, default_size: int) -> tuple[int, int]:
    size = whole_number(params, "size", default_size, 1, MAX_PAGE_SIZE)
    last_page = max(1, MAX_RESULTS // size)
    page = whole_number(params, "page", 1, 1, last_page)
    return page, size


def checked_cursor(params) -> str | None:
    raw = params.get("cursor") or None
    if raw is not None and decode_cursor(raw) is None:
        raise BadParameter(
            "cursor",
            _("“cursor” must be the next_cursor of an earlier answer, unchanged."),
        )
    return raw
