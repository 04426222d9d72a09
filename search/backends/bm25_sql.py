"""BM25 as Elasticsearch computes it for our text queries, written in SQL over the word columns of
the matching entries, so that the database backend ranks as Elasticsearch does.

For the folded words of a query, Elasticsearch (`cross_fields` over `title_folded^3` and
`text_folded`) adds up, word by word, the better of the word's scores in the title and the text:

    score(word, field) = boost × idf × (k1 + 1) × tf / (tf + k1 × (1 - b + b × length / average))
    idf = ln(1 + (N - n + 0.5) / (n + 0.5))

tf is how often the word occurs in the field, length the field's length in words (rounded as
Lucene stores it) and average its mean, N the number of entries with that field and n those
holding the word there, blended across the two fields as Elasticsearch blends them
(`WordCount`). The fixed bonuses of `search.ranking` come on top. SQLite's own bm25() would rank
otherwise (one length for the whole row; words found in more than half of the rows weigh almost
nothing) and, to get its idf, reads the whole posting list of every query word on every query.
"""

import math
from dataclasses import dataclass

from ..models import WordCount
from ..ranking import EXACT_BONUS, EXACT_PHRASE_BONUS, PHRASE_BONUS, TITLE_BOOST
from .database_rows import TEXT, TITLE, WORD_GAP

K1 = 1.2
B = 0.75


@dataclass
class Sql:
    """An SQL expression and its parameters, in order."""

    text: str
    params: list


@dataclass
class FieldStatistics:
    entries: int
    average_length: float
    idf: dict[str, float]


def _idf(entries: int, holding: int) -> float:
    return math.log(1 + (entries - holding + 0.5) / (holding + 0.5))


def _blended(holding: tuple[int, int]) -> tuple[int, int]:
    """Document frequencies as Elasticsearch's cross_fields blends them: the most frequent field's
    for every field, one more for a field where the word is rarer (but present)."""
    most = max(holding)
    return tuple(most if count in (most, 0) else most + 1 for count in holding)


def statistics(words: list[str]) -> tuple[FieldStatistics, FieldStatistics]:
    """(title, text) statistics for these words, from `WordCount`."""
    names = [WordCount.ENTRIES, WordCount.WORDS, *(_stored(word) for word in words)]
    rows = WordCount.objects.filter(word__in=names).values_list("word", "titles", "texts")
    counts = {word: (titles, texts) for word, titles, texts in rows}
    entries = [max(count, 1) for count in counts.get(WordCount.ENTRIES, (0, 0))]
    lengths = counts.get(WordCount.WORDS, (0, 0))
    blended = {word: _blended(counts.get(_stored(word), (0, 0))) for word in words}
    return tuple(
        FieldStatistics(
            entries=entries[field],
            average_length=max(lengths[field] / entries[field], 1.0),
            idf={
                word: _idf(entries[field], min(blended[word][field], entries[field]))
                for word in words
            },
        )
        for field in (TITLE, TEXT)
    )


def _stored(word: str) -> str:
    return word[: WordCount.MAX_WORD_LENGTH]


def _bytes(vendor: str, expression: str) -> str:
    """Length in bytes: known without reading text through (SQLite counts characters by reading
    them; a BLOB's length is stored)."""
    return (
        f"length(CAST({expression} AS BLOB))"
        if vendor == "sqlite"
        else f"octet_length({expression})"
    )


def occurrences(vendor: str, column: str, word: str) -> Sql:
    """How often `word` occurs in a word column: each occurrence is " word " of its own."""
    needle = f" {word} "
    removed = f"replace({column}, %s, '')"
    return Sql(
        f"(({_bytes(vendor, column)} - {_bytes(vendor, removed)}) / %s)",
        [needle, len(needle.encode())],
    )


def counts(vendor: str, words: list[str]) -> list[Sql]:
    """One column per word and field, named t<i> (title) and x<i> (text), for `score`."""
    columns = []
    for number, word in enumerate(words):
        for name, column in (("t", "e.title_folded"), ("x", "e.text_folded")):
            found = occurrences(vendor, column, word)
            columns.append(Sql(f"{found.text} AS {name}{number}", found.params))
    return columns


def _saturated(count: str, length: str) -> str:
    return f"({count} * 1.0 / ({count} + {K1} * (1 - {B} + {B} * {length} / %s)))"


def score(vendor: str, words: list[str], title: FieldStatistics, text: FieldStatistics) -> Sql:
    """The BM25 sum over the count columns of `counts` and the lengths of the entry."""
    greatest = "max" if vendor == "sqlite" else "GREATEST"
    terms, params = [], []
    for number, word in enumerate(words):
        in_title = _saturated(f"t{number}", "title_length")
        in_text = _saturated(f"x{number}", "text_length")
        terms.append(f"{greatest}(%s * {in_title}, %s * {in_text})")
        params += [
            TITLE_BOOST * (K1 + 1) * title.idf[word],
            title.average_length,
            (K1 + 1) * text.idf[word],
            text.average_length,
        ]
    return Sql(" + ".join(terms) or "0", params)


def _contains(vendor: str, column: str, needle: str) -> Sql:
    position = "instr" if vendor == "sqlite" else "strpos"
    return Sql(f"{position}({column}, %s) > 0", [needle])


def _phrase(words: list[str]) -> str:
    """ " a  b ": the words one after the other in a word column."""
    return f" {WORD_GAP.join(words)} "


def bonus(vendor: str, folded: list[str], original: list[str]) -> Sql:
    """The fixed bonuses: every word with its exact accents, the words together as typed, and
    together with their accents (title and text searched apart, as Elasticsearch does)."""
    exact = [_contains(vendor, "e.words", f" {word} ") for word in dict.fromkeys(original)]
    parts = []
    if exact:
        parts.append((EXACT_BONUS, " AND ".join(c.text for c in exact), _params(exact)))
    if len(folded) > 1 and original:
        in_title = _contains(vendor, "e.title_folded", _phrase(folded))
        in_text = _contains(vendor, "e.text_folded", _phrase(folded))
        exact_phrase = _contains(vendor, "e.words", _phrase(original))
        parts += [
            (PHRASE_BONUS, f"{in_title.text} OR {in_text.text}", in_title.params + in_text.params),
            (EXACT_PHRASE_BONUS, exact_phrase.text, exact_phrase.params),
        ]
    cases = [f"(CASE WHEN {condition} THEN {points} ELSE 0 END)" for points, condition, _ in parts]
    return Sql(" + ".join(cases) or "0", [param for *_case, params in parts for param in params])


def _params(pieces: list[Sql]) -> list:
    return [param for piece in pieces for param in piece.params]
