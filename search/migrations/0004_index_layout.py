"""Indexes laid out for what queries read.

SQLite: prefix indexes only where prefixes are searched (titles, for autocomplete). The FTS5 table
of 0003 kept them for every word of every text, which made indexing about 40% slower; titles get a
small FTS5 table of their own with them, the main table none (PostgreSQL's autocomplete uses the
tsvector's title weight). Both: facet values are read for the matching entries from one covering
index (entry, field, value) instead of the foreign key's index and the table.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

BEFORE = import_module("search.migrations.0003_ranking_columns")

FTS_COLUMNS = "title_folded, text_folded, filter_terms"
DROP = [
    "DROP TRIGGER IF EXISTS library_search_fts_au",
    "DROP TRIGGER IF EXISTS library_search_fts_ad",
    "DROP TRIGGER IF EXISTS library_search_fts_ai",
    "DROP TABLE IF EXISTS library_search_fts",
    "DROP TABLE IF EXISTS library_search_titles",
]
CREATE = [
    f"""CREATE VIRTUAL TABLE library_search_fts USING fts5({FTS_COLUMNS},
        content='library_search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2", columnsize=0)""",
    """CREATE VIRTUAL TABLE library_search_titles USING fts5(title_folded,
        content='library_search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2", prefix='2 3', columnsize=0)""",
    f"""CREATE TRIGGER library_search_fts_ai AFTER INSERT ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title_folded, new.text_folded, new.filter_terms);
        INSERT INTO library_search_titles(rowid, title_folded)
        VALUES (new.id, new.title_folded);
    END""",
    f"""CREATE TRIGGER library_search_fts_ad AFTER DELETE ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.filter_terms);
        INSERT INTO library_search_titles(library_search_titles, rowid, title_folded)
        VALUES ('delete', old.id, old.title_folded);
    END""",
    f"""CREATE TRIGGER library_search_fts_au AFTER UPDATE ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.filter_terms);
        INSERT INTO library_search_titles(library_search_titles, rowid, title_folded)
        VALUES ('delete', old.id, old.title_folded);
        INSERT INTO library_search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title_folded, new.text_folded, new.filter_terms);
        INSERT INTO library_search_titles(rowid, title_folded)
        VALUES (new.id, new.title_folded);
    END""",
    "INSERT INTO library_search_fts(library_search_fts) VALUES ('rebuild')",
    "INSERT INTO library_search_titles(library_search_titles) VALUES ('rebuild')",
]


def _sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library_search", "0003_ranking_columns")]

    operations = [
        migrations.RunPython(_sqlite(DROP + CREATE), _sqlite(DROP + BEFORE.SQLITE_CREATE)),
        migrations.AlterField(
            model_name="searchfacet",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="facets",
                to="library_search.searchentry",
            ),
        ),
        migrations.AddIndex(
            model_name="searchfacet",
            index=models.Index(fields=["entry", "field", "value"], name="search_facet_values"),
        ),
    ]
