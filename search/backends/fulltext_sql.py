"""The vendor-specific part of the database backend: matching, scoring and title prefixes.

SQLite uses the FTS5 table of migration 0002 with bm25(); PostgreSQL the generated tsvector
columns with ts_rank(); both add the bonuses of `search.ranking`.
"""

import re
import unicodedata
from dataclasses import dataclass

from ..folding import fold_words
from ..ranking import EXACT_BONUS, EXACT_PHRASE_BONUS, PHRASE_BONUS

# bm25 column weights: folded title, folded text, original title, original text.
SQLITE_WEIGHTS = "4.0, 1.0, 8.0, 2.0"
FOLDED_COLUMNS = "{title_folded text_folded}"
ORIGINAL_COLUMNS = "{title text}"


def original_words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


@dataclass
class TextMatch:
    """SQL pieces to join, filter and score entries `e` matching a text query."""

    joins: str
    where: str
    where_params: list
    score: str
    score_params: list


def _fts_all(words: list[str], columns: str) -> str:
    return f"({columns} : (" + " AND ".join(f'"{word}"' for word in words) + "))"


def _fts_phrase(words: list[str], columns: str) -> str:
    return f'({columns} : "' + " ".join(words) + '")'


def sqlite_match(text: str) -> TextMatch | None:
    folded, original = fold_words(text), original_words(text)
    if not folded:
        return None
    bonuses = [(EXACT_BONUS, _fts_all(original, ORIGINAL_COLUMNS))]
    if len(folded) > 1:
        bonuses += [
            (PHRASE_BONUS, _fts_phrase(folded, FOLDED_COLUMNS)),
            (EXACT_PHRASE_BONUS, _fts_phrase(original, ORIGINAL_COLUMNS)),
        ]
    in_match = "(e.id IN (SELECT rowid FROM library_search_fts WHERE library_search_fts MATCH %s))"
    score = " + ".join([f"(-bm25(library_search_fts, {SQLITE_WEIGHTS}))"] + [
        f"{weight} * {in_match}" for weight, _expression in bonuses
    ])  # fmt: skip
    return TextMatch(
        joins="JOIN library_search_fts ON library_search_fts.rowid = e.id",
        where="library_search_fts MATCH %s",
        where_params=[_fts_all(folded, FOLDED_COLUMNS)],
        score=f"({score})",
        score_params=[expression for _weight, expression in bonuses],
    )


def postgres_match(text: str) -> TextMatch | None:
    folded, original = fold_words(text), original_words(text)
    if not folded:
        return None
    folded_text, original_text = " ".join(folded), " ".join(original)
    score = (
        "(ts_rank(e.fts_folded, plainto_tsquery('simple', %s))"
        f" + {EXACT_BONUS} * (e.fts_original @@ plainto_tsquery('simple', %s))::int"
        f" + {PHRASE_BONUS} * (e.fts_folded @@ phraseto_tsquery('simple', %s))::int"
        f" + {EXACT_PHRASE_BONUS} * (e.fts_original @@ phraseto_tsquery('simple', %s))::int)"
    )
    return TextMatch(
        joins="",
        where="e.fts_folded @@ plainto_tsquery('simple', %s)",
        where_params=[folded_text],
        score=score,
        score_params=[folded_text, original_text, folded_text, original_text],
    )


def any_words_match(vendor: str, words: list[str]) -> TextMatch:
    """Entries sharing any of these folded words, the most similar first (for "more like this")."""
    if vendor == "sqlite":
        expression = FOLDED_COLUMNS + " : (" + " OR ".join(f'"{word}"' for word in words) + ")"
        return TextMatch(
            joins="JOIN library_search_fts ON library_search_fts.rowid = e.id",
            where="library_search_fts MATCH %s",
            where_params=[expression],
            score=f"(-bm25(library_search_fts, {SQLITE_WEIGHTS}))",
            score_params=[],
        )
    any_word = " | ".join(words)
    return TextMatch(
        joins="",
        where="e.fts_folded @@ to_tsquery('simple', %s)",
        where_params=[any_word],
        score="ts_rank(e.fts_folded, to_tsquery('simple', %s))",
        score_params=[any_word],
    )


def text_match(vendor: str, text: str) -> TextMatch | None:
    return sqlite_match(text) if vendor == "sqlite" else postgres_match(text)


def prefix_match(vendor: str, prefix: str) -> tuple[str, str, list] | None:
    """(joins, where, params) for titles whose folded words start with what was typed."""
    words = fold_words(prefix)
    if not words:
        return None
    if vendor == "sqlite":
        expression = '{title_folded} : "' + " ".join(words) + '" *'
        joins = "JOIN library_search_fts ON library_search_fts.rowid = e.id"
        return joins, "library_search_fts MATCH %s", [expression]
    query = " <-> ".join([f"{word}:A" for word in words[:-1]] + [words[-1] + ":*A"])
    return "", "e.fts_folded @@ to_tsquery('simple', %s)", [query]
