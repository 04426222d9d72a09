"""Relevance shared by every backend, so both rank the same way.

Every folded query word must match; the text score is BM25 over the folded title (boosted) and text
(Elasticsearch's own, and `search.backends.bm25_sql` for the database). These fixed amounts come
on top, so that all words found with their exact accents come first, then the words standing
together as typed.
"""

EXACT_BONUS = 20
PHRASE_BONUS = 10
EXACT_PHRASE_BONUS = 5
# A word found in the title scores this many times what it scores in the text.
TITLE_BOOST = 3
