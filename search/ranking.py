"""Relevance bonuses shared by every backend, so both rank the same way.

Every folded query word must match; these fixed amounts are added to the engine's own text score,
so that all words found with their exact accents come first, then the words standing together as
typed. Fixed bonuses rather than extra bm25 terms: SQLite FTS5 clamps the weight of words found in
more than half the rows to almost nothing, which would erase the difference on small indexes.
"""

EXACT_BONUS = 20
PHRASE_BONUS = 10
EXACT_PHRASE_BONUS = 5
