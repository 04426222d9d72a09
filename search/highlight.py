"""Highlight query words in the original text, matched on the folded form.

The engines' own highlighters only see the field they matched: a folded query ("chuyen doi so")
would highlight the folded copy and show text without diacritics. Folding character by character
keeps positions aligned, so matches found in the folded text are marked in the original.
"""

import re

from django.utils.html import escape

from .folding import fold_words, strip_diacritics

SNIPPET_CHARS = 240
LEAD_CHARS = 60


def _fold_aligned(text: str) -> str:
    folded = []
    for char in text:
        single = strip_diacritics(char).lower()
        folded.append(single if len(single) == 1 else char)
    return "".join(folded)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    words = sorted(set(fold_words(query)), key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    return [match.span() for match in pattern.finditer(_fold_aligned(text))]


def _best_window(spans: list[tuple[int, int]], length: int) -> tuple[int, int]:
    if not spans:
        return 0, min(length, SNIPPET_CHARS)
    best_start, best_count = spans[0][0], 0
    for start, _end in spans:
        count = sum(1 for other, _ in spans if start <= other < start + SNIPPET_CHARS - LEAD_CHARS)
        if count > best_count:
            best_start, best_count = start, count
    begin = max(0, best_start - LEAD_CHARS)
    return begin, min(length, begin + SNIPPET_CHARS)


def highlight(text: str, query: str) -> str:
    """An HTML-escaped snippet of `text` around the query words, each wrapped in <mark>."""
    spans = match_spans(text, query)
    begin, end = _best_window(spans, len(text))
    pieces, cursor = [], begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        pieces += [escape(text[cursor:start]), "<mark>", escape(text[start:stop]), "</mark>"]
        cursor = stop
    pieces.append(escape(text[cursor:end]))
    snippet = "".join(pieces).replace("\n", " ")
    return ("…" if begin > 0 else "") + snippet + ("…" if end < len(text) else "")
