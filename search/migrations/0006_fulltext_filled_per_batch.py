"""SQLite: new entries reach the full-text tables once per written batch, not row by row.

The insert trigger ran two FTS5 inserts for every entry; `database_writes` now fills both tables
with one INSERT ... SELECT per batch of new entries, which costs about a fifth less CPU per record
indexed. Deletes and updates keep their triggers: an external-content FTS5 table must be told the
old values of every row it holds, whoever removes it.
"""

from importlib import import_module

from django.db import migrations

BEFORE = import_module("search.migrations.0005_fulltext_without_positions")

DROP = ["DROP TRIGGER IF EXISTS library_search_fts_ai"]
RESTORE = [statement for statement in BEFORE.CREATE if "library_search_fts_ai" in statement]


def _sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library_search", "0005_fulltext_without_positions")]

    operations = [migrations.RunPython(_sqlite(DROP), _sqlite(DROP + RESTORE))]
