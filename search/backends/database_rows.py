"""What the database index stores for one record: its entry columns, facet rows and duplicate
terms, and what it adds to the word statistics.

Word columns hold words separated and surrounded by two spaces ("  ha  tang  so  "): every
occurrence of a word is " word " on its own, so SQL can count it and find phrases with plain
string functions, and the full-text tokenizer reads the same words.
"""

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..documents import SearchRecord, stamp_of
from ..folding import fold_words, original_words
from ..models import SearchEntry, WordCount

WORD_GAP = "  "
FIELD_GAP = "\n"
FACET_VALUE_CHARS = 255
TERM_CHARS = 200
TITLE, TEXT = 0, 1
EXACT_LENGTHS = 24


def spaced(words: Iterable[str]) -> str:
    """Words separated and surrounded by two spaces; "" for none."""
    words = list(words)
    return f"{WORD_GAP}{WORD_GAP.join(words)}{WORD_GAP}" if words else ""


def filter_token(facet: str, value: str) -> str:
    """One full-text token per facet value: filters are matched by the full-text index itself."""
    digest = hashlib.blake2b(f"{facet}\x1f{value}".encode(), digest_size=8).hexdigest()
    return f"f{digest}"


def norm_length(words: int) -> int:
    """A field length rounded as Lucene stores it (one byte: exact below 24, then four significant
    bits), so that length normalisation scores as in Elasticsearch."""
    if words < EXACT_LENGTHS:
        return words
    rest = words - EXACT_LENGTHS
    shift = max(rest.bit_length() - 4, 0)
    return EXACT_LENGTHS + (rest >> shift << shift)


def word_counts(title_words: list[str], text_words: list[str]) -> Counter:
    """What one entry adds to `WordCount`, keyed (word, TITLE or TEXT): each distinct word of a
    field once, and the totals."""
    counts = Counter()
    for field, words in ((TITLE, title_words), (TEXT, text_words)):
        counts.update((word[: WordCount.MAX_WORD_LENGTH], field) for word in set(words))
        counts[WordCount.ENTRIES, field] += 1 if words else 0
        counts[WordCount.WORDS, field] += len(words)
    return counts


def stored_word_counts(title_folded: str, text_folded: str) -> Counter:
    """`word_counts` of an entry already stored, from its word columns."""
    return word_counts(title_folded.split(), text_folded.split())


@dataclass
class EntryRows:
    entry: SearchEntry
    facets: list[tuple[str, str]]
    terms: list[str]
    words: Counter


def entry_rows(record: SearchRecord) -> EntryRows:
    title_words, text_words = fold_words(record.full_title), fold_words(record.text)
    facets = [
        (facet, value)
        for facet, values in record.facet_values().items()
        for value in dict.fromkeys(values)
    ]
    payload = record.to_json()
    stamp = stamp_of(payload)
    payload.pop("text")
    entry = SearchEntry(
        key=record.key,
        kind=record.kind,
        agency=record.agency,
        title=record.full_title[:500],
        title_folded=spaced(title_words),
        text=record.text,
        text_folded=spaced(text_words),
        words=FIELD_GAP.join(
            spaced(original_words(part)) for part in (record.title, record.title_en, record.text)
        ),
        title_length=norm_length(len(title_words)),
        text_length=norm_length(len(text_words)),
        filter_terms=" ".join(filter_token(facet, value) for facet, value in facets),
        published_at=record.published_at,
        is_public=record.is_public,
        embargo_until=record.embargo_until,
        stamp=stamp,
        payload=payload,
    )
    return EntryRows(
        entry=entry,
        facets=[(facet, value[:FACET_VALUE_CHARS]) for facet, value in facets],
        terms=list(dict.fromkeys(term[:TERM_CHARS] for term in record.terms)),
        words=word_counts(title_words, text_words),
    )


def record_of(payload: dict, text: str) -> SearchRecord:
    return SearchRecord.from_json({**payload, "text": text})
