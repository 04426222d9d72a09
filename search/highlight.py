"""Highlight query words in the original text, matched on the folded form.

The engines' own highlighters only see the field they matched: a folded query ("chuyen doi so")
would highlight the folded copy and show text without diacritics. Folding character by character
keeps positions aligned, so matches found in the folded text are marked in the original.

Every step is linear in the length of the text (which `SearchRecord` caps): one translation, one
regular-expression pass that stops after MAX_MATCHES_READ matches, one sliding window over them.
"""

import re
from bisect import bisect_left
from html import escape  # Django's wraps it for lazy strings: a cost per piece, for nothing here
from itertools import islice

from .folding import CharacterMap, fold_words, strip_diacritics

SNIPPET_CHARS = 240
LEAD_CHARS = 60
# A snippet shows a handful of matches; among this many, the densest window is full already.
MAX_MATCHES_READ = 1_000


def _aligned(char: str) -> str:
    """The folded character, or the character itself when its folded form is not exactly one
    character: positions in both texts then line up."""
    single = strip_diacritics(char).lower()
    return single if len(single) == 1 else char


# A plain table for str.translate (a dict subclass with __missing__ made it five times slower).
fold_aligned = CharacterMap(_aligned)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of the query words in `text`, the first MAX_MATCHES_READ of them."""
    words = sorted(set(fold_words(query)), key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    found = islice(pattern.finditer(fold_aligned(text)), MAX_MATCHES_READ)
    return [match.span() for match in found]


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
