"""The parameters of a search request, checked: paging (`page`, `size`, `cursor`), choices, and
no parameter the endpoint does not know.

A bad value gets a clear refusal naming the parameter instead of a guess or a 500: a page number
deeper than MAX_RESULTS hits (Elasticsearch refuses to page further; the database would scan
that far), a size outside 1..MAX_PAGE_SIZE, a cursor this library did not make, a value outside
its choices, a NUL character (databases refuse it in text), or a misspelt name (`topics=` for
`topic=`) that would otherwise be ignored and answer an unfiltered search.
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


def known_only(params, accepted) -> None:
    """Refuse the first parameter (in name order) that is not accepted, and NUL in any value."""
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise BadParameter(
            unknown[0],
            _("Unknown parameter “%(name)s”. Accepted: %(accepted)s.")
            % {"name": unknown[0], "accepted": ", ".join(sorted(accepted))},
        )
    no_nul_characters(params)


def no_nul_characters(params) -> None:
    """Refuse NUL in any value (PostgreSQL refuses it in text: a 500 otherwise)."""
    for name in sorted(params):
        if any("\x00" in value for value in params.getlist(name)):
            raise BadParameter(
                name, _("“%(name)s” may not contain NUL characters.") % {"name": name}
            )


def one_of(params, name: str, choices: tuple[str, ...]) -> str:
    """The parameter's value among `choices`; the first choice when it is absent or empty."""
    raw = params.get(name) or choices[0]
    if raw not in choices:
        raise BadParameter(
            name,
            _("“%(name)s” must be one of: %(choices)s.")
            % {"name": name, "choices": ", ".join(choices)},
        )
    return raw
