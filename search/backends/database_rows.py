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
from functools import lru_cache

from ..documents import SearchRecord, stamp_of
from ..folding import fold_words, original_words
from ..models import WordCount

WORD_GAP = "  "
FIELD_GAP = "\n"
FACET_VALUE_CHARS = 255
TERM_CHARS = 200
TITLE, TEXT = 0, 1  # as WordChanges.fields and FieldStatistics are ordered
MAX_WORD = WordCount.MAX_WORD_LENGTH
EXACT_LENGTHS = 24


def spaced(words: Iterable[str]) -> str:
    """Words separated and surrounded by two spaces; "" for none."""
    words = list(words)
    return f"{WORD_GAP}{WORD_GAP.join(words)}{WORD_GAP}" if words else ""


@lru_cache(maxsize=4096)
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


class WordChanges:
    """What a batch of written and removed entries changes in `WordCount`: for each word, how many
    more (or fewer) titles and texts hold it, and the totals."""

    def __init__(self) -> None:
        self.fields = (Counter(), Counter())  # TITLE, TEXT: word -> change

    def add(self, title_words: list[str], text_words: list[str], sign: int = 1) -> None:
        for counts, words in zip(self.fields, (title_words, text_words), strict=True):
            distinct = _stored(set(words))
            if sign > 0:
                counts.update(distinct)
            else:
                counts.subtract(distinct)
            counts[WordCount.ENTRIES] += sign * bool(words)
            counts[WordCount.WORDS] += sign * len(words)

    def remove_stored(self, title_folded: str, text_folded: str) -> None:
        """Take out an entry already stored, from its word columns."""
        self.add(title_folded.split(), text_folded.split(), sign=-1)

    def rows(self) -> list[tuple[str, int, int]]:
        """(word, change in titles, change in texts), in word order, without the unchanged."""
        titles, texts = self.fields
        changes = ((word, titles[word], texts[word]) for word in titles.keys() | texts.keys())
        return sorted(change for change in changes if change[1] or change[2])


def _stored(words: set[str]) -> set[str]:
    """The words as `WordCount` stores them (the longest cut)."""
    if max(map(len, words), default=0) > MAX_WORD:
        return {word[:MAX_WORD] for word in words}
    return words


@dataclass
class EntryRows:
    entry: dict  # SearchEntry field name -> value
    facets: list[tuple[str, str]]
    terms: list[str]
    title_words: list[str]
    text_words: list[str]


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
    entry = dict(
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
        title_words=title_words,
        text_words=text_words,
    )


def record_of(payload: dict, text: str) -> SearchRecord:
    return SearchRecord.from_json({**payload, "text": text})
