"""The vendor-specific part of the database backend: full-text matching and title prefixes.

SQLite matches with the FTS5 tables of migration 0004, PostgreSQL with the tsvector column of
migration 0003. Both index the folded title and text words and the filter tokens of each entry,
so one index lookup applies the words and the filters together, as Elasticsearch does.
"""

from dataclasses import dataclass

from ..folding import fold_words

ENTRY_TABLE = "library_search_searchentry"
FTS_TABLE = "library_search_fts"
TITLES_TABLE = "library_search_titles"  # titles alone, with prefix indexes


def _fts_from(table: str) -> str:
    return f"FROM {table} CROSS JOIN {ENTRY_TABLE} e ON e.id = {table}.rowid"


FTS_FROM, FTS_WHERE = _fts_from(FTS_TABLE), f"{FTS_TABLE} MATCH %s"
WORD_COLUMNS = "{title_folded text_folded}"
FILTER_COLUMN = "{filter_terms}"


FILL_FROM_ENTRIES = (
    f"INSERT INTO {FTS_TABLE}(rowid, title_folded, text_folded, filter_terms)"
    f" SELECT id, title_folded, text_folded, filter_terms FROM {ENTRY_TABLE} WHERE id IN (%s)",
    f"INSERT INTO {TITLES_TABLE}(rowid, title_folded)"
    f" SELECT id, title_folded FROM {ENTRY_TABLE} WHERE id IN (%s)",
)


def fill_fulltext(cursor, vendor: str, entry_ids: list[int]) -> None:
    """Index new entries: on SQLite one statement per full-text table for the whole batch (no
    insert trigger: row by row cost a fifth more per record); PostgreSQL's generated column
    follows by itself."""
    if vendor != "sqlite" or not entry_ids:
        return
    marks = ", ".join(["%s"] * len(entry_ids))
    for statement in FILL_FROM_ENTRIES:
        cursor.execute(statement % marks, entry_ids)


@dataclass
class FullTextMatch:
    """FROM clause over entries `e` and the condition that selects the matching ones."""

    from_clause: str
    where: str
    params: list


def _fts_any(tokens: list[str]) -> str:
    return "(" + " OR ".join(f'"{token}"' for token in tokens) + ")"


def _fts_all(tokens: list[str]) -> str:
    return "(" + " AND ".join(f'"{token}"' for token in tokens) + ")"


def _sqlite_match(words: list[str], any_word: bool, filter_groups: list[list[str]]):
    parts = (
        [f"{WORD_COLUMNS} : {_fts_any(words) if any_word else _fts_all(words)}"] if words else []
    )
    parts += [f"{FILTER_COLUMN} : {_fts_any(tokens)}" for tokens in filter_groups]
    return FullTextMatch(FTS_FROM, FTS_WHERE, [" AND ".join(parts)])


def _ts_any(tokens: list[str], weights: str) -> str:
    return "(" + " | ".join(f"'{token}':{weights}" for token in tokens) + ")"


def _ts_all(tokens: list[str], weights: str) -> str:
    return "(" + " & ".join(f"'{token}':{weights}" for token in tokens) + ")"


def _postgres_match(words: list[str], any_word: bool, filter_groups: list[list[str]]):
    parts = [_ts_any(words, "AB") if any_word else _ts_all(words, "AB")] if words else []
    parts += [_ts_any(tokens, "D") for tokens in filter_groups]
    return FullTextMatch(
        f"FROM {ENTRY_TABLE} e", "e.fts @@ to_tsquery('simple', %s)", [" & ".join(parts)]
    )


def fulltext_match(
    vendor: str, words: list[str], filter_groups: list[list[str]], any_word: bool = False
) -> FullTextMatch | None:
    """Entries holding every folded word (any of them with `any_word`) in their title or text,
    and for each group of filter tokens at least one; None when there is nothing to match."""
    if not words and not filter_groups:
        return None
    match = _sqlite_match if vendor == "sqlite" else _postgres_match
    return match(words, any_word, filter_groups)


def prefix_match(vendor: str, prefix: str) -> FullTextMatch | None:
    """Entries whose folded title has words starting as typed (the last one a prefix)."""
    words = fold_words(prefix)
    if not words:
        return None
    if vendor == "sqlite":
        expression = '"' + " ".join(words) + '" *'
        return FullTextMatch(_fts_from(TITLES_TABLE), f"{TITLES_TABLE} MATCH %s", [expression])
    query = " <-> ".join([f"'{word}':A" for word in words[:-1]] + [f"'{words[-1]}':*A"])
    return FullTextMatch(f"FROM {ENTRY_TABLE} e", "e.fts @@ to_tsquery('simple', %s)", [query])
