"""Highlight query words in the original text, matched on the folded form.

The engines' own highlighters only see the field they matched: a folded query ("chuyen doi so")
would highlight the folded copy and show text without diacritics. Folding character by character
keeps positions aligned, so matches found in the folded text are marked in the original.

Every step is linear in the length of the text (which `SearchRecord` caps): one translation, one
regular-expression pass, one sliding window over the matches.
"""

import re
from bisect import bisect_left

from django.utils.html import escape

from .folding import fold_words, strip_diacritics

SNIPPET_CHARS = 240
LEAD_CHARS = 60
# Characters whose folded form is kept (one entry each); beyond this many the rest fold uncached.
FOLD_CACHE_SIZE = 65_536


class _AlignedFolding(dict):
    """Code point -> its folded character for `str.translate`; a character whose folded form is
    not exactly one character stays as it is, so positions in both texts line up."""

    def __missing__(self, code_point: int) -> str:
        char = chr(code_point)
        single = strip_diacritics(char).lower()
        folded = single if len(single) == 1 else char
        if len(self) < FOLD_CACHE_SIZE:
            self[code_point] = folded
        return folded


_FOLDING = _AlignedFolding()


def fold_aligned(text: str) -> str:
    """`text` folded character for character: the same length, the same positions."""
    return text.translate(_FOLDING)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    words = sorted(set(fold_words(query)), key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    return [match.span() for match in pattern.finditer(fold_aligned(text))]


def best_window(spans: list[tuple[int, int]], length: int) -> tuple[int, int]:
    """(begin, end) of the snippet holding the most matches: one pass, two pointers."""
    if not spans:
        return 0, min(length, SNIPPET_CHARS)
    starts = [start for start, _end in spans]
    reach = SNIPPET_CHARS - LEAD_CHARS
    best_start, best_count, after = starts[0], 0, 0
    for first, start in enumerate(starts):
        while after < len(starts) and starts[after] < start + reach:
            after += 1
        if after - first > best_count:
            best_start, best_count = start, after - first
    begin = max(0, best_start - LEAD_CHARS)
    return begin, min(length, begin + SNIPPET_CHARS)


def highlight(text: str, query: str) -> str:
    """An HTML-escaped snippet of `text` around the query words, each wrapped in <mark>."""
    spans = match_spans(text, query)
    begin, end = best_window(spans, len(text))
    pieces, cursor = [], begin
    for start, stop in spans[bisect_left(spans, (begin, begin)) :]:
        if stop > end:
            break
        pieces += [escape(text[cursor:start]), "<mark>", escape(text[start:stop]), "</mark>"]
        cursor = stop
    pieces.append(escape(text[cursor:end]))
    snippet = "".join(pieces).replace("\n", " ")
    return ("…" if begin > 0 else "") + snippet + ("…" if end < len(text) else "")
