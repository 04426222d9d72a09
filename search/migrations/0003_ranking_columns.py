"""The database index answers from indexes and ranks as Elasticsearch does.

Entries gain word columns (folded title and text words, the original words), field lengths and
filter tokens; `WordCount` holds document frequencies. Entries written before are written again
from their stored records. The full-text index (FTS5 on SQLite, a tsvector column on PostgreSQL)
is then built over the folded words and the filter tokens, so words and filters are matched by one
index lookup.
"""

from importlib import import_module

from django.db import migrations, models

BEFORE = import_module("search.migrations.0002_fulltext")

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS library_search_fts_au",
    "DROP TRIGGER IF EXISTS library_search_fts_ad",
    "DROP TRIGGER IF EXISTS library_search_fts_ai",
    "DROP TABLE IF EXISTS library_search_fts",
]
FTS_COLUMNS = "title_folded, text_folded, filter_terms"
SQLITE_CREATE = [
    # The columns hold folded words already (đ included); remove_diacritics 2 folds whatever else.
    # No column sizes: ranking reads lengths from the entries, not from FTS5's bm25().
    f"""CREATE VIRTUAL TABLE library_search_fts USING fts5({FTS_COLUMNS},
        content='library_search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2", prefix='2 3', columnsize=0)""",
    f"""CREATE TRIGGER library_search_fts_ai AFTER INSERT ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title_folded, new.text_folded, new.filter_terms);
    END""",
    f"""CREATE TRIGGER library_search_fts_ad AFTER DELETE ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.filter_terms);
    END""",
    f"""CREATE TRIGGER library_search_fts_au AFTER UPDATE ON library_search_searchentry BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title_folded, old.text_folded, old.filter_terms);
        INSERT INTO library_search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title_folded, new.text_folded, new.filter_terms);
    END""",
    "INSERT INTO library_search_fts(library_search_fts) VALUES ('rebuild')",
]
# Going back: the tables of 0002, filled from the entries.
SQLITE_BACK = [
    *BEFORE.SQLITE_FORWARD,
    "INSERT INTO library_search_fts(library_search_fts) VALUES ('rebuild')",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS library_search_fts",
    "ALTER TABLE library_search_searchentry DROP COLUMN IF EXISTS fts",
    "ALTER TABLE library_search_searchentry DROP COLUMN IF EXISTS fts_original",
    "ALTER TABLE library_search_searchentry DROP COLUMN IF EXISTS fts_folded",
]
POSTGRES_CREATE = [
    # Weights tell the parts apart in queries: A title words, B text words, D filter tokens.
    """ALTER TABLE library_search_searchentry ADD COLUMN fts tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_folded), 'A')
            || setweight(to_tsvector('simple', text_folded), 'B')
            || setweight(to_tsvector('simple', filter_terms), 'D')) STORED""",
    "CREATE INDEX library_search_fts ON library_search_searchentry USING GIN (fts)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def write_entries_again(apps, schema_editor):
    """Entries of an existing index lack the new columns: write them again from the records they
    store, with this release's writer, before the full-text index is built over them."""
    from search.backends.database_writes import write_batch
    from search.documents import SearchRecord

    entries = apps.get_model("library_search", "SearchEntry").objects
    last = entries.aggregate(last=models.Max("id"))["last"] or 0
    done = 0
    while rows := list(
        entries.filter(id__gt=done, id__lte=last)
        .order_by("id")
        .values_list("id", "payload", "text")[:500]
    ):
        entries.filter(id__in=[entry_id for entry_id, _payload, _text in rows]).delete()
        records = [SearchRecord.from_json({**payload, "text": text}) for _id, payload, text in rows]
        write_batch(records, fulltext=False)  # built below, once
        done = rows[-1][0]
    if schema_editor.connection.vendor == "postgresql":
        # Foreign keys are checked at commit: settle them now, before the table is altered again.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("library_search", "0002_fulltext")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
            _run({"sqlite": SQLITE_BACK, "postgresql": BEFORE.POSTGRES_FORWARD}),
        ),
        migrations.CreateModel(
            name="WordCount",
            fields=[
                (
                    "word",
                    models.CharField(
                        max_length=100, primary_key=True, serialize=False, verbose_name="word"
                    ),
                ),
                ("titles", models.BigIntegerField(default=0, verbose_name="in titles")),
                ("texts", models.BigIntegerField(default=0, verbose_name="in texts")),
            ],
            options={"verbose_name": "word count"},
        ),
        migrations.RemoveIndex(model_name="searchfacet", name="search_facet_lookup"),
        migrations.AddField(
            model_name="searchentry",
            name="filter_terms",
            field=models.TextField(blank=True, db_default="", verbose_name="filter tokens"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="text_length",
            field=models.PositiveIntegerField(db_default=0, verbose_name="text length in words"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_length",
            field=models.PositiveIntegerField(db_default=0, verbose_name="title length in words"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="words",
            field=models.TextField(blank=True, db_default="", verbose_name="original words"),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="agency",
            field=models.CharField(blank=True, max_length=30, verbose_name="agency code"),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="kind",
            field=models.CharField(max_length=20, verbose_name="kind"),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="payload",
            field=models.JSONField(verbose_name="record without its text"),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="published_at",
            field=models.DateTimeField(null=True, verbose_name="published at"),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="text_folded",
            field=models.TextField(blank=True, verbose_name="folded text words"),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="title_folded",
            field=models.TextField(verbose_name="folded title words"),
        ),
        migrations.RunPython(write_entries_again, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
