"""Full-text index beside SearchEntry: an FTS5 table on SQLite, tsvector columns on PostgreSQL.

Both index the folded and the original title and text. The tokenizer keeps diacritics
(remove_diacritics 0) because folding is done in Python and the original form must stay exact, so
that exact-accent matches can outrank folded-only ones. SQLite triggers keep the FTS5 table in step
with the entry table; PostgreSQL computes generated columns.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE library_search_fts USING fts5(
        title_folded, text_folded, title, text,
        content='library_search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0", prefix='2 3')""",
    """CREATE TRIGGER library_search_fts_ai AFTER INSERT ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(rowid, title_folded, text_folded, title, text)
        VALUES (new.id, new.title_folded, new.text_folded, new.title, new.text);
    END""",
    """CREATE TRIGGER library_search_fts_ad AFTER DELETE ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, title_folded, text_folded,
            title, text)
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.title, old.text);
    END""",
    """CREATE TRIGGER library_search_fts_au AFTER UPDATE ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, title_folded, text_folded,
            title, text)
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.title, old.text);
        INSERT INTO library_search_fts(rowid, title_folded, text_folded, title, text)
        VALUES (new.id, new.title_folded, new.text_folded, new.title, new.text);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS library_search_fts_au",
    "DROP TRIGGER IF EXISTS library_search_fts_ad",
    "DROP TRIGGER IF EXISTS library_search_fts_ai",
    "DROP TABLE IF EXISTS library_search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE library_search_searchentry ADD COLUMN fts_folded tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_folded), 'A')
            || setweight(to_tsvector('simple', text_folded), 'B')) STORED""",
    """ALTER TABLE library_search_searchentry ADD COLUMN fts_original tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', lower(title)), 'A')
            || setweight(to_tsvector('simple', lower(text)), 'B')) STORED""",
    "CREATE INDEX library_search_fts_folded ON library_search_searchentry USING GIN (fts_folded)",
    "CREATE INDEX library_search_fts_original ON library_search_searchentry "
    "USING GIN (fts_original)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE library_search_searchentry DROP COLUMN IF EXISTS fts_original",
    "ALTER TABLE library_search_searchentry DROP COLUMN IF EXISTS fts_folded",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
